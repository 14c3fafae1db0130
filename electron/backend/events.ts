import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '@shared/contract';

/** Backend → host events (the host forwards them to the renderer). */
export class EventBus {
  private readonly emitter = new EventEmitter();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.emitter.emit('event', name, payload);
  }

  subscribe(listener: (name: EventName, payload: unknown) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
