import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ComplaintEventRow } from '@shared/schemas/complaint';
import { formatInstant } from '../../shell/format';
import { formatAverage } from './labels';

const COLOR: Record<string, string> = {
  received: 'blue',
  edited: 'gray',
  verified: 'cyan',
  handling: 'gold',
  resolved: 'green',
  feedback: 'purple',
  closed: 'gray',
};
const ENUMS: Record<string, string> = {
  type: 'types',
  channel: 'channels',
  responsibility: 'responsibilities',
};

/** A recorded value as the office reads it: labels for codes, "5/4/4/5" for the scores. */
function valueText(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.notSet');
  if (ENUMS[field]) return t(`complaints.${ENUMS[field]}.${String(value)}`);
  if (field === 'receivedAt') return formatInstant(String(value));
  if (field === 'scores' && typeof value === 'object') {
    const s = value as Record<string, number>;
    const sum = (s.time ?? 0) + (s.method ?? 0) + (s.process ?? 0) + (s.result ?? 0);
    return `${['time', 'method', 'process', 'result'].map((a) => `${t(`complaints.aspects.${a}`)} ${s[a]}`).join('，')}（${t('complaints.detail.average', { value: formatAverage(sum * 25) })}）`;
  }
  return String(value);
}

function detailLines(t: TFunction, e: ComplaintEventRow): string[] {
  const label = (field: string) =>
    field === 'customer'
      ? t('complaints.fields.customerId')
      : field === 'receivedBy'
        ? t('complaints.fields.receivedByName')
        : t(`complaints.fields.${field}`);
  return Object.entries(e.detail)
    .filter(
      ([field, value]) =>
        !(e.action === 'received' && field === 'number') && value !== null && value !== undefined,
    )
    .map(([field, value]) =>
      Array.isArray(value) && e.action === 'edited'
        ? `${label(field)}：${valueText(t, field, value[0])} → ${valueText(t, field, value[1])}`
        : t('common.labelValue', { label: label(field), value: valueText(t, field, value) }),
    );
}

/** 处理记录: every step as it was recorded, who did it and when — read-only, like the paper form's log. */
export function ComplaintTimeline({ events }: { events: ComplaintEventRow[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="complaint-timeline"
      items={events.map((e) => ({
        color: COLOR[e.action],
        children: (
          <div data-testid={`event-${e.action}`}>
            <Typography.Text strong>{t(`complaints.events.${e.action}`)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
              {formatInstant(e.at)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
              {e.userName}
            </Typography.Text>
            {detailLines(t, e).map((line) => (
              <div key={line} className="complaint-timeline-detail">
                {line}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
