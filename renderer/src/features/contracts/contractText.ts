import type { TFunction } from 'i18next';
import { formatFen } from '@shared/money';
import type { ContractEvent, ContractRecord } from '@shared/schemas/contract';

/** The status as the office reads it; a draft that was voided (never signed) reads 作废 rather than 退租. */
export function statusLabel(t: TFunction, c: Pick<ContractRecord, 'status' | 'signedOn'>): string {
  return c.status === 'terminated' && c.signedOn === null ? t('contracts.actions.void') : t(`contracts.statuses.${c.status}`);
}

export const STATUS_COLOR: Record<ContractRecord['status'], string> = {
  draft: 'default',
  signed: 'blue',
  active: 'green',
  expired: 'orange',
  renewed: 'purple',
  terminated: 'red',
};

export const money = (fen: number | null | undefined, t: TFunction) => (fen == null ? t('common.notSet') : `${formatFen(fen)} ${t('contracts.yuan')}`);

/** One value of the timeline as text: amounts in yuan, enums and flags by their labels, attachment lists counted. */
function valueText(t: TFunction, field: string | null, value: string | null): string {
  if (value === null || value === '') return t('common.notSet');
  switch (field) {
    case 'amountFen':
      return money(Number(value), t);
    case 'contractType':
      return t(`contracts.types.${value}`);
    case 'isSpecial':
      return t(`enums.bool.${value === '1' || value === 'true' ? 'true' : 'false'}`);
    case 'attachments': {
      const list = JSON.parse(value) as { pages: number }[];
      return t('contracts.attachment.summary', { count: list.length, pages: list.reduce((s, a) => s + a.pages, 0) });
    }
    default:
      return value;
  }
}

/** A timeline line: what happened, and the detail that goes with it. */
export function eventText(t: TFunction, e: ContractEvent): { action: string; detail: string } {
  const action = t(`contracts.events.${e.action}`);
  if (e.action === 'updated') {
    return { action, detail: `${t(`contracts.fields.${e.field}`)}：${valueText(t, e.field, e.oldValue)} → ${valueText(t, e.field, e.newValue)}` };
  }
  const parts = [e.newValue, e.note, e.action.endsWith('Withdrawn') ? e.oldValue : null].filter((p): p is string => Boolean(p));
  return { action, detail: parts.join('\u3000') };
}
