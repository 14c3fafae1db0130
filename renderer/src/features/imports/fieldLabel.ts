import { zh } from '@shared/i18n';
import type { ImportField } from '@shared/schemas/imports';

/**
 * The i18n key of an import field's label: the import's own (imports.fields) where it names the column
 * differently, else the customer record's (customers.fields), so a customer field's label is written once.
 */
export function importFieldLabelKey(field: ImportField): string {
  return field in zh.imports.fields ? `imports.fields.${field}` : `customers.fields.${field}`;
}
