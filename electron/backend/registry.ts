import { CHANNEL_NAMES, type ChannelName } from '@shared/contract';
import type { Handler, HandlerTable } from './handlers';

type AnyTable = Partial<Record<ChannelName, Handler<ChannelName>>>;

/**
 * Merges the domains' handler tables into one. Registering a channel twice, a handler for a channel the
 * contract does not define, or leaving a channel without a handler is a programming error: it fails at
 * start-up (and in a unit test) instead of at the first call.
 */
export function buildHandlerTable(parts: readonly AnyTable[]): HandlerTable {
  const table: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const part of parts) {
    for (const [name, handler] of Object.entries(part)) {
      if (name in table) problems.push(`registered twice: ${name}`);
      else if (!(CHANNEL_NAMES as string[]).includes(name)) problems.push(`not in the contract: ${name}`);
      table[name] = handler;
    }
  }
  for (const name of CHANNEL_NAMES) if (!(name in table)) problems.push(`no handler: ${name}`);
  if (problems.length) throw new Error(`Handler table is inconsistent:\n  ${problems.join('\n  ')}`);
  return table as HandlerTable;
}

/** Lets a domain declare its handlers with full typing while staying a plain object. */
export function handlers<C extends ChannelName>(table: HandlerTable<C>): AnyTable {
  return table as unknown as AnyTable;
}
