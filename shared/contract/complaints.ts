import { z } from 'zod';
import { channel } from './channel';
import { empty, id } from '../schemas/common';
import {
  complaintCloseInput,
  complaintCreateInput,
  complaintDetail,
  complaintDueDays,
  complaintFeedbackInput,
  complaintGridRow,
  complaintMonthRow,
  complaintResolveInput,
  complaintsByMonthInput,
  complaintStartHandlingInput,
  complaintUpdateInput,
  complaintVerifyInput,
  openComplaint,
  satisfactionGridRow,
} from '../schemas/complaint';
import { exportedFile, gridExportSchema, gridPageSchema, gridQuerySchema } from '../grid';
import { complaintGridColumns, satisfactionGridColumns } from '../grids/complaints';

/**
 * 客户意见与投诉. Reading goes with the customer archive (customers.read); recording and every step of the
 * flow need complaints.handle, which clerks and supervisors hold: the supervisor verifies, assigns
 * responsibility and approves the handling without being able to edit the archive itself.
 */
export const complaintChannels = {
  'complaints.query': channel({
    input: gridQuerySchema(complaintGridColumns, { customerId: id.optional() }),
    output: gridPageSchema(complaintGridRow),
    access: 'customers.read',
    tx: 'read',
  }),
  'complaints.satisfaction': channel({
    input: gridQuerySchema(satisfactionGridColumns),
    output: gridPageSchema(satisfactionGridRow),
    access: 'customers.read',
    tx: 'read',
  }),
  // 'manual': viewing a complaint of an A-class customer is a view of that customer's record, and is logged.
  'complaints.get': channel({
    input: z.object({ id }).strict(),
    output: complaintDetail,
    access: 'customers.read',
    tx: 'manual',
  }),
  /** Complaints of one customer not yet closed (the customer card and the customer's 投诉 tab). */
  'complaints.openForCustomer': channel({
    input: z.object({ customerId: id }).strict(),
    output: z.array(openComplaint),
    access: 'customers.read',
    tx: 'read',
  }),
  'complaints.byMonth': channel({
    input: complaintsByMonthInput,
    output: z.array(complaintMonthRow),
    access: 'customers.read',
    tx: 'read',
  }),
  'complaints.create': channel({
    input: complaintCreateInput,
    output: complaintDetail,
    access: 'complaints.handle',
    tx: 'write',
  }),
  'complaints.update': channel({
    input: complaintUpdateInput,
    output: complaintDetail,
    access: 'complaints.handle',
    tx: 'write',
  }),
  'complaints.verify': channel({
    input: complaintVerifyInput,
    output: complaintDetail,
    access: 'complaints.handle',
    tx: 'write',
  }),
  'complaints.startHandling': channel({
    input: complaintStartHandlingInput,
    output: complaintDetail,
    access: 'complaints.handle',
    tx: 'write',
  }),
  'complaints.resolve': channel({
    input: complaintResolveInput,
    output: complaintDetail,
    access: 'complaints.handle',
    tx: 'write',
  }),
  'complaints.recordFeedback': channel({
    input: complaintFeedbackInput,
    output: complaintDetail,
    access: 'complaints.handle',
    tx: 'write',
  }),
  'complaints.close': channel({
    input: complaintCloseInput,
    output: complaintDetail,
    access: 'complaints.handle',
    tx: 'write',
  }),
  'complaints.export': channel({
    input: gridExportSchema(complaintGridColumns),
    output: exportedFile,
    access: 'customers.export',
    tx: 'manual',
  }),
  'complaints.satisfactionExport': channel({
    input: gridExportSchema(satisfactionGridColumns),
    output: exportedFile,
    access: 'customers.export',
    tx: 'manual',
  }),
  'complaints.dueDays': channel({
    input: empty,
    output: complaintDueDays,
    access: 'system.settings',
    tx: 'read',
  }),
  'complaints.setDueDays': channel({
    input: complaintDueDays,
    output: complaintDueDays,
    access: 'system.settings',
    tx: 'write',
  }),
};
