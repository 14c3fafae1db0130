import { AppError } from '@shared/errors';
import type { Store } from '../db/store';
import type { BackupService } from './service';

const services = new WeakMap<Store, BackupService>();

/** Ties a backend's backup service to its store, so handlers (which get the store) find it; tests run many backends. */
export function registerBackupService(store: Store, service: BackupService): void {
  services.set(store, service);
}

export function backupService(store: Store): BackupService {
  const service = services.get(store);
  if (!service) throw new AppError('UNAVAILABLE', 'backups.errors.unavailable');
  return service;
}
