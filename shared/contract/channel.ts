import type { z } from 'zod';
import type { Access } from '../permissions';

/**
 * How the backend runs a channel's handler:
 * - `read`: on the read connection; sees committed data only.
 * - `write`: inside one serialized `BEGIN IMMEDIATE … COMMIT` on the writer; the audit entry is part of it.
 * - `manual`: the handler opens its own write transactions (login records failures even when it fails;
 *   a detail view logs an A-class view; an export reads and then writes a file).
 */
export type TxMode = 'read' | 'write' | 'manual';

export interface ChannelSpec<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  A extends Access = Access,
  T extends TxMode = TxMode,
> {
  input: I;
  output: O;
  access: A;
  tx: T;
  /** False for calls that must not keep an idle session alive (the renderer's session poll). */
  activity?: boolean;
  /** Writes are audited unless this is false (only for per-user preferences such as column widths). */
  audited?: boolean;
}

export function channel<I extends z.ZodType, O extends z.ZodType, A extends Access, T extends TxMode>(
  spec: ChannelSpec<I, O, A, T>,
): ChannelSpec<I, O, A, T> {
  return spec;
}

/** Merges per-domain channel maps; a name defined twice is a programming error caught at start-up. */
export function mergeChannels<T extends Record<string, ChannelSpec>[]>(...parts: T): UnionToIntersection<T[number]> {
  const merged: Record<string, ChannelSpec> = {};
  for (const part of parts) {
    for (const [name, spec] of Object.entries(part)) {
      if (name in merged) throw new Error(`Channel defined twice in the contract: ${name}`);
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
