import type { DoctorReport } from '@shared/schemas/admin';
import type { Reader } from './connection';
import { MIGRATIONS } from './migrations';
import { checkCadence } from '../visits/doctor';

type Check = DoctorReport['checks'][number];

/**
 * The integrity check (`npm run doctor`, and the admin page): SQLite's own checks, foreign keys, the search
 * index against its table, the schema version, and that every customer's history begins with its creation.
 * Needs a connection that may run the FTS5 'integrity-check' command (it writes nothing).
 */
export async function runDoctor(db: Reader & { run?: (sql: string) => Promise<unknown> }, options: { ftsCheck: (sql: string) => Promise<unknown> }): Promise<DoctorReport> {
  const checks: Check[] = [];
  const integrity = await db.all<{ integrity_check: string }>('PRAGMA integrity_check');
  const integrityOk = integrity.length === 1 && integrity[0]!.integrity_check === 'ok';
  checks.push({ name: 'integrity', ok: integrityOk, detail: integrity.map((r) => r.integrity_check).slice(0, 10).join('; ') });

  const fk = await db.all<{ table: string; rowid: number; parent: string }>('PRAGMA foreign_key_check');
  checks.push({ name: 'foreignKeys', ok: fk.length === 0, detail: fk.length === 0 ? 'ok' : fk.slice(0, 10).map((r) => `${r.table}#${r.rowid} → ${r.parent}`).join('; ') });

  try {
    await options.ftsCheck(`INSERT INTO customers_fts (customers_fts, rank) VALUES ('integrity-check', 1)`);
    checks.push({ name: 'search', ok: true, detail: 'ok' });
  } catch (err) {
    checks.push({ name: 'search', ok: false, detail: (err as Error).message });
  }

  const applied = await db.all<{ id: number; name: string }>('SELECT id, name FROM schema_migrations ORDER BY id');
  const expected = MIGRATIONS.map((m) => `${m.id}_${m.name}`).join(', ');
  const actual = applied.map((m) => `${m.id}_${m.name}`).join(', ');
  checks.push({ name: 'migrations', ok: expected === actual, detail: actual || '(none)' });

  const orphan = await db.get<{ n: number }>(
    `SELECT count(*) AS n FROM customers c WHERE NOT EXISTS (SELECT 1 FROM customer_changes h WHERE h.customer_id = c.id AND h.field = 'created')`,
  );
  checks.push({ name: 'history', ok: (orphan?.n ?? 0) === 0, detail: (orphan?.n ?? 0) === 0 ? 'ok' : `${orphan!.n} customers without a creation entry` });

  const unsorted = await db.get<{ n: number }>(`SELECT count(*) AS n FROM customers WHERE name_sort = ''`);
  checks.push({ name: 'sortKeys', ok: (unsorted?.n ?? 0) === 0, detail: (unsorted?.n ?? 0) === 0 ? 'ok' : `${unsorted!.n} customers without a name sort key` });
  checks.push(await checkCadence(db));

  return { ok: checks.every((c) => c.ok), checks };
}
