import { useEffect, useState } from 'react';
import type { BackupProgress } from '@shared/schemas/backups';
import { onEvent } from '../../api/client';

/** A fresh id for a backup or restore, so the page follows the `backup.progress` events of its own job only. */
export function newBackupJobId(): string {
  return `b-${crypto.randomUUID().replace(/-/g, '')}`;
}

/** The latest progress of one job (null until the first event, or without a job). */
export function useBackupProgress(jobId: string | null): BackupProgress | null {
  const [latest, setLatest] = useState<BackupProgress | null>(null);
  useEffect(() => {
    setLatest(null);
    return jobId ? onEvent('backup.progress', (p) => p.jobId === jobId && setLatest(p)) : undefined;
  }, [jobId]);
  return latest;
}

/** Percent for a progress bar: the copy is most of the work, the check and the swap the rest. */
export function progressPercent(p: BackupProgress | null): number {
  if (!p) return 0;
  const share = p.total > 0 ? p.done / p.total : 0;
  if (p.phase === 'copy') return Math.round(share * 80);
  if (p.phase === 'check') return 80 + Math.round(share * 15);
  return 95 + Math.round(share * 5);
}
