/**
 * Audit summaries are stored as JSON (before/after of the changed fields); the grid shows them as a line an
 * office user can read: "电话: 025-5371 → 0571-8888; code=KH000047".
 */
export function auditSummaryText(json: string | null | undefined): string {
  if (!json) return '';
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (typeof value !== 'object' || value === null) return String(value);
  const { before, after, ...rest } = value as { before?: Record<string, unknown>; after?: Record<string, unknown> } & Record<string, unknown>;
  const parts: string[] = [];
  const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    for (const key of Object.keys(after)) parts.push(`${key}: ${show(before[key])} → ${show(after[key])}`);
  } else if (after && typeof after === 'object') {
    for (const [key, v] of Object.entries(after)) if (v !== null && v !== '' && v !== false) parts.push(`${key}=${show(v)}`);
  }
  for (const [key, v] of Object.entries(rest)) if (v !== undefined) parts.push(`${key}=${show(v)}`);
  return parts.join('; ');
}
