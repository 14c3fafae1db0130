import { useEffect, useState } from 'react';
import type { JobProgress } from '@shared/schemas/imports';
import { onEvent } from '../../api/client';

/** The latest `job.progress` event of one job (null until the first arrives, or without a job). */
export function useJobProgress(jobId: string | null): JobProgress | null {
  const [latest, setLatest] = useState<JobProgress | null>(null);
  useEffect(() => (jobId ? onEvent('job.progress', (p) => p.jobId === jobId && setLatest(p)) : undefined), [jobId]);
  return latest && latest.jobId === jobId ? latest : null;
}
