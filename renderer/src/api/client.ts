import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload, NeiqinBridge } from '@shared/contract';
import { isAppErrorShape, type AppErrorShape } from '@shared/errors';

declare global {
  interface Window {
    neiqin: NeiqinBridge;
  }
}

/** A failed call, as the renderer handles it: always a stable code and an i18n message key. */
export class CallError extends Error implements AppErrorShape {
  readonly code: AppErrorShape['code'];
  readonly details: AppErrorShape['details'];
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.code = shape.code;
    this.details = shape.details;
  }
}

type ExpiredHandler = (retry: () => Promise<void>) => Promise<void>;
let onSessionExpired: ExpiredHandler | null = null;

/** The shell installs this: when a call finds the session expired, it asks for the password and retries. */
export function setSessionExpiredHandler(handler: ExpiredHandler | null) {
  onSessionExpired = handler;
}

const NO_RETRY = new Set<string>(['auth.login', 'auth.logout', 'auth.session', 'setup.createAdmin', 'setup.status']);

function toCallError(err: unknown): CallError {
  return new CallError(isAppErrorShape(err) ? err : { code: 'INTERNAL', message: 'errors.internal' });
}

/** The typed client: `call('customers.get', { id })` returns the channel's output type. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  try {
    return (await window.neiqin.invoke(channel, input)) as ChannelOutput<C>;
  } catch (raw) {
    const err = toCallError(raw);
    if (err.code === 'UNAUTHENTICATED' && onSessionExpired && !NO_RETRY.has(channel)) {
      // Keep whatever the user was doing: log in again in a dialog, then repeat the call.
      let result: ChannelOutput<C> | undefined;
      await onSessionExpired(async () => {
        result = (await window.neiqin.invoke(channel, input)) as ChannelOutput<C>;
      });
      return result as ChannelOutput<C>;
    }
    throw err;
  }
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.neiqin.on(event, listener as (p: unknown) => void);
}

export async function saveExport(fileId: string, fileName: string) {
  try {
    return await window.neiqin.saveFile(fileId, fileName);
  } catch (raw) {
    throw toCallError(raw);
  }
}
