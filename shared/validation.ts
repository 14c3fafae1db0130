import type { z } from 'zod';
import type { FieldIssue } from './errors';

/**
 * Turns zod issues into message keys the renderer can translate. The same function serves the backend
 * (VALIDATION errors) and the renderer's forms (live validation), so both say the same thing.
 */
export function issuesFromZod(error: z.ZodError, input?: unknown): FieldIssue[] {
  return error.issues.map((issue): FieldIssue => {
    const path = issue.path.map(String).join('.');
    const base = { path };
    // A message key: the common `v.*` ones, or an area's own (`schedules.v.time`).
    if (/^([a-zA-Z]+\.)?v\./.test(issue.message)) {
      return { ...base, key: issue.message, ...(issue.message === 'v.required' ? {} : paramsOf(issue)) };
    }
    switch (issue.code) {
      case 'invalid_type':
        return valueAt(input, issue.path) == null
          ? { ...base, key: 'v.required' }
          : { ...base, key: 'v.invalidType', params: { expected: String(issue.expected) } };
      case 'too_small':
        if (issue.origin === 'string' && Number(issue.minimum) === 1) return { ...base, key: 'v.required' };
        return { ...base, key: issue.origin === 'string' ? 'v.tooShort' : 'v.tooSmall', params: { min: Number(issue.minimum) } };
      case 'too_big':
        return {
          ...base,
          key: issue.origin === 'string' ? 'v.tooLong' : issue.origin === 'array' ? 'v.tooMany' : 'v.tooLarge',
          params: { max: Number(issue.maximum) },
        };
      case 'invalid_value':
        return { ...base, key: 'v.invalidChoice' };
      case 'invalid_format':
        return { ...base, key: issue.format === 'email' ? 'v.email' : 'v.format' };
      case 'unrecognized_keys':
        return { ...base, key: 'v.unknownField', params: { keys: issue.keys.join(', ') } };
      default:
        return { ...base, key: 'v.invalid' };
    }
  });
}

function paramsOf(issue: z.core.$ZodIssue): { params?: Record<string, number> } {
  if (issue.code === 'too_big') return { params: { max: Number(issue.maximum) } };
  if (issue.code === 'too_small') return { params: { min: Number(issue.minimum) } };
  return {};
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
