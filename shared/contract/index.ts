import type { z } from 'zod';
import { mergeChannels, type ChannelSpec } from './channel';
import { authChannels } from './auth';
import { customerChannels } from './customers';
import { adminChannels } from './admin';
import { z as zod } from 'zod';

/** The one contract between renderer and backend: channel name → input schema, output schema, access. */
export const contract = mergeChannels(authChannels, customerChannels, adminChannels);

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function channelSpec(name: string): ChannelSpec | undefined {
  return Object.prototype.hasOwnProperty.call(contract, name) ? (contract as Record<string, ChannelSpec>)[name] : undefined;
}

/** Events pushed from the backend to the renderer. */
export const events = {
  'data.changed': zod.object({ entity: zod.string() }),
  'session.ended': zod.object({ reason: zod.enum(['idle', 'logout', 'deactivated']) }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** What both hosts expose to the renderer as `window.neiqin`. */
export interface NeiqinBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Hands an exported file to the user: a save dialog in Electron, a download in the browser host. */
  saveFile(fileId: string, fileName: string): Promise<{ saved: boolean }>;
  readonly host: 'electron' | 'browser';
}

export { channel, type ChannelSpec } from './channel';
