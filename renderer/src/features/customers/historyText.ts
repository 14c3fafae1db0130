import type { TFunction } from 'i18next';
import { formatFen } from '@shared/money';

const ENUM_FIELDS: Record<string, string> = {
  abcClass: 'abcClass',
  status: 'status',
  urbanRural: 'urbanRural',
  isKey: 'bool',
  isKeyLeader: 'bool',
  infoSource: 'infoSource',
  creditRating: 'creditRating',
};
const SPECIAL = new Set(['created', 'contactAdded', 'contactRemoved', 'restoreReason', 'archivedReason', 'mergedFrom', 'mergedInto']);

/** The name of a changed item as the history shows it. */
export function changeFieldLabel(t: TFunction, entity: 'customer' | 'contact', field: string): string {
  if (SPECIAL.has(field) || entity === 'customer') return t(`customers.fields.${field}`);
  return `${t('enums.entity.contact')} · ${t(`contacts.fields.${field}`)}`;
}

/** A stored history value in words: enum labels, yuan for fen, code-list labels where known. */
export function changeValueText(t: TFunction, field: string, value: string | null, codeLabel?: (field: string, code: string) => string | undefined): string {
  if (value === null || value === '') return t('common.notSet');
  const enumName = ENUM_FIELDS[field];
  if (enumName) return t(`enums.${enumName}.${value}`);
  if (field === 'creditLimitFen') return `${formatFen(Number(value))} ${t('customers.yuan')}`;
  return codeLabel?.(field, value) ?? value;
}
