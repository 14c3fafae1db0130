import type { TFunction } from 'i18next';

/** How a line of a visit's change history reads: field names and coded values in words. */
export function visitChangeField(t: TFunction, field: string): string {
  return field === 'created' || field === 'voided' ? t(`visits.changeFields.${field}`) : t(`visits.fields.${field}`);
}

export function visitChangeValue(t: TFunction, field: string, value: string | null): string {
  if (value === null) return '';
  if (field === 'channel') return t(`visits.enums.channel.${value}`);
  if (field === 'significant') return t(`enums.bool.${value}`);
  return value;
}
