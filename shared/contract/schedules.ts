import { z } from 'zod';
import { channel } from './channel';
import { empty } from '../schemas/common';
import {
  runRow,
  scheduleCreateInput,
  scheduleEnableInput,
  scheduleIdInput,
  scheduleOptions,
  scheduleRecord,
  scheduleRunsInput,
  scheduleUpdateInput,
} from '../schemas/schedules';

/**
 * 定时导出 (exports.md "Scheduled exports"): the admin's, like the targets the files go to (delivery.manage).
 * A schedule writes to the shared drive unattended, so defining one needs the same trust as defining where
 * files may go; what each file contains is still bounded by its owner's own permissions when it runs.
 */
export const scheduleChannels = {
  'schedules.list': channel({
    input: empty,
    output: z.array(scheduleRecord),
    access: 'delivery.manage',
    tx: 'read',
  }),
  'schedules.options': channel({
    input: empty,
    output: scheduleOptions,
    access: 'delivery.manage',
    tx: 'read',
  }),
  'schedules.create': channel({
    input: scheduleCreateInput,
    output: scheduleRecord,
    access: 'delivery.manage',
    tx: 'write',
  }),
  'schedules.update': channel({
    input: scheduleUpdateInput,
    output: scheduleRecord,
    access: 'delivery.manage',
    tx: 'write',
  }),
  'schedules.setEnabled': channel({
    input: scheduleEnableInput,
    output: scheduleRecord,
    access: 'delivery.manage',
    tx: 'write',
  }),
  // 'manual': the run calls the registers' own export channels, each its own transactions; answers with the run.
  'schedules.runNow': channel({
    input: scheduleIdInput,
    output: runRow,
    access: 'delivery.manage',
    tx: 'manual',
  }),
  'schedules.runs': channel({
    input: scheduleRunsInput,
    output: z.array(runRow),
    access: 'delivery.manage',
    tx: 'read',
  }),
};
