import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNEL_NAMES, contract } from '@shared/contract';
import { channel, mergeChannels } from '@shared/contract/channel';
import { allHandlers, HANDLER_PARTS } from '../../../electron/backend/index';
import { buildHandlerTable } from '../../../electron/backend/registry';
import { loginHandlers } from '../../../electron/backend/auth/login';
import { customerHandlers } from '../../../electron/backend/customers/handlers';
import { settingsHandlers } from '../../../electron/backend/settings/handlers';

const ALL_PARTS = HANDLER_PARTS;

type Part = Parameters<typeof buildHandlerTable>[0][number];

describe('handler registry', () => {
  it('builds the full table: exactly one handler per contract channel', () => {
    const table = allHandlers();
    expect(Object.keys(table).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) expect(typeof table[name]).toBe('function');
    expect(buildHandlerTable(ALL_PARTS)).toEqual(table);
  });

  it('refuses a channel registered twice', () => {
    expect(() => buildHandlerTable([...ALL_PARTS, { 'auth.login': loginHandlers['auth.login'] }])).toThrow(
      /registered twice: auth\.login/,
    );
  });

  it('refuses a handler for a channel the contract does not define', () => {
    const stray = { 'customers.purge': async () => ({ ok: true }) } as unknown as Part;
    expect(() => buildHandlerTable([...ALL_PARTS, stray])).toThrow(/not in the contract: customers\.purge/);
  });

  it('refuses a table with a channel left without a handler', () => {
    const withoutSettings = ALL_PARTS.filter((p) => p !== settingsHandlers);
    expect(() => buildHandlerTable(withoutSettings)).toThrow(
      /no handler: settings\.get[\s\S]*no handler: settings\.update/,
    );
    const { 'customers.export': _dropped, ...rest } = customerHandlers as Record<string, unknown>;
    const parts = ALL_PARTS.map((p) => (p === customerHandlers ? (rest as Part) : p));
    expect(() => buildHandlerTable(parts)).toThrow(/no handler: customers\.export/);
  });
});

describe('contract', () => {
  const spec = channel({
    input: z.object({}).strict(),
    output: z.object({}),
    access: 'authenticated',
    tx: 'read',
  });

  it('refuses a channel defined twice when the domains are merged', () => {
    expect(() => mergeChannels({ 'a.one': spec }, { 'b.two': spec }, { 'a.one': spec })).toThrow(
      /defined twice in the contract: a\.one/,
    );
    expect(Object.keys(mergeChannels({ 'a.one': spec }, { 'b.two': spec }))).toEqual(['a.one', 'b.two']);
  });

  it('gives every channel a domain.action name, schemas, an access rule and a transaction mode', () => {
    expect(CHANNEL_NAMES.length).toBeGreaterThan(20);
    for (const name of CHANNEL_NAMES) {
      const c = contract[name] as { input: z.ZodType; output: z.ZodType; access: string; tx: string };
      expect(name).toMatch(/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/);
      expect(c.input).toBeInstanceOf(z.ZodType);
      expect(c.output).toBeInstanceOf(z.ZodType);
      expect(['read', 'write', 'manual']).toContain(c.tx);
      expect(typeof c.access).toBe('string');
    }
  });
});
