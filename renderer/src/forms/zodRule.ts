import type { FormInstance, FormRule } from 'antd';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { issuesFromZod } from '@shared/validation';
import type { FieldIssue } from '@shared/errors';
import { CallError } from '../api/client';

/**
 * An Ant Design rule that runs one field's zod schema — the same schema the backend applies — so the
 * message under the field appears as the user types and matches what the backend would say.
 */
export function zodRule(schema: z.ZodType, t: TFunction, toValue: (v: unknown) => unknown = emptyToNull): FormRule {
  const validate = zodValidator(schema, t, toValue);
  return { validator: (_rule, value) => validate(value) };
}

/** The check behind `zodRule`, for rules that decide first whether the field applies. */
export function zodValidator(schema: z.ZodType, t: TFunction, toValue: (v: unknown) => unknown = emptyToNull) {
  return async (value: unknown): Promise<void> => {
    const result = schema.safeParse(toValue(value));
    if (result.success) return;
    const [issue] = issuesFromZod(result.error, toValue(value));
    throw new Error(t(issue!.key, issue!.params));
  };
}

export function emptyToNull(v: unknown): unknown {
  if (v === undefined || v === '') return null;
  return typeof v === 'string' ? v : v;
}

/**
 * Puts a backend VALIDATION/CONFLICT error's field issues under the matching form fields.
 * `prefix` strips the part of the path the form does not have (e.g. "customer." or "changes.").
 * Returns true when at least one field was marked.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, t: TFunction, prefixes: string[] = []): boolean {
  if (!(error instanceof CallError)) return false;
  const issues = (error.details?.issues ?? []) as FieldIssue[];
  const fields = issues
    .map((issue) => {
      const prefix = prefixes.find((p) => issue.path.startsWith(p));
      const path = prefix ? issue.path.slice(prefix.length) : issue.path;
      return { name: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [t(issue.key, issue.params)] };
    })
    .filter((f) => f.name.length > 0 && f.name[0] !== '');
  if (fields.length) form.setFields(fields as Parameters<FormInstance['setFields']>[0]);
  return fields.length > 0;
}

/** The message for a failed call, localized. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof CallError) return t(error.message, error.details?.params as Record<string, string>);
  return t('errors.internal');
}
