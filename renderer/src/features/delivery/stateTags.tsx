import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobState, TargetState } from '@shared/schemas/delivery';

const TARGET_COLOR: Record<TargetState, string> = { unchecked: 'default', ok: 'success', unreachable: 'error', readOnly: 'warning', full: 'warning' };
const JOB_COLOR: Record<JobState, string> = { pending: 'processing', failed: 'error', delivered: 'success', abandoned: 'default', lost: 'warning' };

/** 可用 / 不可达 / 只读 / 空间不足, with what the check found on hover. */
export function TargetStateTag({ state, detail }: { state: TargetState; detail?: string | null }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={TARGET_COLOR[state]} bordered={false} data-testid={`target-state-${state}`}>
      {t(`delivery.states.${state}`)}
    </Tag>
  );
  return detail ? <Tooltip title={detail}>{tag}</Tooltip> : tag;
}

export function JobStateTag({ state }: { state: JobState }) {
  const { t } = useTranslation();
  return (
    <Tag color={JOB_COLOR[state]} bordered={false} data-testid={`job-state-${state}`}>
      {t(`delivery.jobStates.${state}`)}
    </Tag>
  );
}

/** Bytes as the office reads sizes: KB / MB / GB. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
