import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channelSpec, type ChannelName } from '@shared/contract';
import { allows, PERMISSIONS, ROLES, type Permission, type Role } from '@shared/permissions';
import type { Caller } from '../../../electron/backend/index';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import {
  sampleFixture,
  SAMPLES,
  UNSAMPLED,
  type SampleFixture,
  type SampledChannel,
} from '../helpers/samples';

const isSampled = (name: ChannelName): name is SampledChannel =>
  !(UNSAMPLED as readonly string[]).includes(name);

describe('the permission matrix as the office runs it (platform.md, customers.md)', () => {
  const expected: Record<Role, Permission[]> = {
    admin: [...PERMISSIONS],
    clerk: [
      'dashboard.view',
      'customers.read',
      'customers.write',
      'customers.archive',
      'customers.export',
      'complaints.handle',
      'staff.read',
    ],
    storekeeper: ['dashboard.view', 'customers.requestAccess'],
    pointsOperator: ['dashboard.view', 'customers.requestAccess'],
    supervisor: [
      'dashboard.view',
      'customers.read',
      'customers.export',
      'customers.approveOrderCycle',
      'customers.approveAccess',
      'complaints.handle',
      'contracts.approveSpecial',
      'staff.read',
      'audit.read',
    ],
    manager: ['dashboard.view', 'customers.read', 'customers.export', 'staff.read'],
    reviewer: ['dashboard.view', 'customers.requestAccess'],
  };
  for (const role of ROLES) {
    it(`${role} holds exactly its permissions`, () => {
      expect(PERMISSIONS.filter((p) => allows([role], p))).toEqual(
        PERMISSIONS.filter((p) => expected[role].includes(p)),
      );
    });
  }

  it('only admin edits customer codes; several roles add up', () => {
    expect(ROLES.filter((r) => allows([r], 'customers.editCode'))).toEqual(['admin']);
    expect(allows(['clerk', 'supervisor'], 'customers.approveOrderCycle')).toBe(true);
    expect(allows(['clerk', 'supervisor'], 'users.manage')).toBe(false);
    expect(allows([], 'authenticated')).toBe(true);
    expect(allows([], 'dashboard.view')).toBe(false);
  });

  it('gives a sample input to every channel except the session-changing ones', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(CHANNEL_NAMES.filter(isSampled).sort());
  });
});

describe('role × channel', () => {
  let env: TestEnv;
  let fixture: SampleFixture;
  const users = new Map<Role, TestUser>();

  beforeAll(async () => {
    env = await freshBackend();
    fixture = await sampleFixture(env);
    for (const role of ROLES) users.set(role, await env.createUser({ roles: [role] }));
  });

  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  for (const role of ROLES) {
    describe(role, () => {
      for (const name of CHANNEL_NAMES) {
        const spec = channelSpec(name)!;
        const allowed = allows([role], spec.access);

        it(`${name} (${spec.access}) → ${allowed ? 'allowed' : 'FORBIDDEN'}`, async () => {
          const caller = users.get(role)!.caller;
          // Permission is checked before the input: a malformed payload shows which check came first.
          const junk = await env.fail(caller, name, 'junk');
          if (allowed) expect(junk.code).toBe('VALIDATION');
          else
            expect(junk).toEqual({
              code: 'FORBIDDEN',
              message: 'errors.forbidden',
              details: { params: { channel: name } },
            });

          if (!isSampled(name)) return;
          const input = await SAMPLES[name](fixture);
          const counts = await env.rowCounts();
          if (allowed) {
            // A valid call by an allowed role goes through.
            await expect(env.backend.invoke(caller, name, input)).resolves.toBeDefined();
          } else {
            const error = await env.fail(caller, name, input);
            expect(error.code).toBe('FORBIDDEN');
            expect(error.message).toBe('errors.forbidden');
            expect(await env.rowCounts()).toEqual(counts);
          }
        });
      }
    });
  }

  it('never refuses a public channel for want of a permission', async () => {
    for (const name of CHANNEL_NAMES.filter((c) => channelSpec(c)!.access === 'public')) {
      for (const caller of [{ sessionId: null }, users.get('reviewer')!.caller]) {
        const error = await env.fail(caller, name, 'junk');
        expect(error.code).toBe('VALIDATION');
      }
    }
    await expect(env.call({ sessionId: null }, 'setup.status', {})).resolves.toEqual({ needsAdmin: false });
  });

  it('the project-staff flag grants no permission by itself', async () => {
    const keeper = await env.createUser({ roles: ['storekeeper'], projectStaff: true });
    const error = await env.fail(keeper.caller, 'customers.query', { startRow: 0, endRow: 10 });
    expect(error.message).toBe('errors.forbidden');
  });

  it('a user with several roles gets the union of their permissions', async () => {
    const both = await env.createUser({ roles: ['clerk', 'supervisor'] });
    await expect(env.call(both.caller, 'audit.query', { startRow: 0, endRow: 5 })).resolves.toMatchObject({
      rowCount: expect.any(Number),
    });
    const input = await SAMPLES['customers.update'](fixture);
    await expect(env.call(both.caller, 'customers.update', input)).resolves.toMatchObject({
      notes: input.changes.notes,
    });
    expect((await env.fail(both.caller, 'users.query', { startRow: 0, endRow: 5 })).message).toBe(
      'errors.forbidden',
    );
  });

  it('a changed role takes effect on the live session', async () => {
    const user = await env.createUser({ roles: ['storekeeper'] });
    expect((await env.fail(user.caller, 'customers.query', { startRow: 0, endRow: 5 })).code).toBe(
      'FORBIDDEN',
    );
    await env.call(env.admin.caller, 'users.update', { id: user.id, roles: ['manager'] });
    await expect(env.call(user.caller, 'customers.query', { startRow: 0, endRow: 5 })).resolves.toMatchObject(
      { rowCount: expect.any(Number) },
    );
    await env.call(env.admin.caller, 'users.update', { id: user.id, roles: ['reviewer'] });
    expect((await env.fail(user.caller, 'customers.query', { startRow: 0, endRow: 5 })).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('without a session', () => {
  let env: TestEnv;
  let fixture: SampleFixture;

  beforeAll(async () => {
    env = await freshBackend();
    fixture = await sampleFixture(env);
  });
  afterAll(() => env.close());

  const anonymous = (): Caller => ({ sessionId: null });

  for (const name of CHANNEL_NAMES.filter((c) => channelSpec(c)!.access !== 'public')) {
    it(`${name} → UNAUTHENTICATED`, async () => {
      expect(await env.fail(anonymous(), name, 'junk')).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'errors.auth.required',
      });
      const input = isSampled(name) ? await SAMPLES[name](fixture) : {};
      const counts = await env.rowCounts();
      expect(await env.fail(anonymous(), name, input)).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'errors.auth.required',
      });
      expect(await env.fail({ sessionId: 'forged-session-id' }, name, input)).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
      expect(await env.rowCounts()).toEqual(counts);
    });
  }

  it('an unknown channel is NOT_FOUND, whoever asks', async () => {
    for (const caller of [anonymous(), fixture.boss.caller]) {
      expect(await env.fail(caller, 'customers.drop' as ChannelName, {})).toMatchObject({
        code: 'NOT_FOUND',
        message: 'errors.unknownChannel',
      });
      expect(await env.fail(caller, '__proto__' as ChannelName, {})).toMatchObject({
        code: 'NOT_FOUND',
        message: 'errors.unknownChannel',
      });
    }
  });
});
