import type { ChannelOutput } from '@shared/contract';
import type { ScheduleInput } from '@shared/schemas/schedules';
import type { TestEnv, TestUser } from './env';
import { createTarget } from './delivery';

let n = 0;

/** A valid schedule as the drawer sends it: Friday 17:00, the customer register, disabled, no target. */
export function scheduleValues(overrides: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
    name: `样例定时导出${++n}`,
    rule: { kind: 'weekly', weekday: 5, time: '17:00' },
    registers: ['customers'],
    changedOnly: false,
    format: 'xlsx',
    targetId: null,
    ownerId: null,
    enabled: false,
    ...overrides,
  };
}

/** Creates a schedule through schedules.create; enabled with a fresh target and `by` as owner unless told. */
export async function createSchedule(
  env: TestEnv,
  by: TestUser,
  overrides: Partial<ScheduleInput> = {},
): Promise<ChannelOutput<'schedules.create'>> {
  const targetId = overrides.targetId === undefined ? (await createTarget(env, by)).id : overrides.targetId;
  return env.call(by.caller, 'schedules.create', {
    schedule: scheduleValues({ enabled: true, ownerId: by.id, ...overrides, targetId }),
  });
}
