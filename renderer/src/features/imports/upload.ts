import { isAppErrorShape } from '@shared/errors';
import { CallError } from '../../api/client';

/** Hands the chosen file's bytes to the backend (never a path); the backend refuses one over the size limit. */
export async function uploadFile(file: File): Promise<{ uploadId: string; size: number }> {
  try {
    return await window.neiqin.uploadFile(file, file.name);
  } catch (raw) {
    throw new CallError(isAppErrorShape(raw) ? raw : { code: 'INTERNAL', message: 'errors.internal' });
  }
}

/** A fresh job id, so the page can follow the job's progress events from their first one. */
export function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
