import type { backupGridColumns } from '@shared/grids/backups';
import type { BackupRow } from '@shared/schemas/backups';
import { Connection } from '../db/connection';
import { MIGRATIONS } from '../db/migrations';
import type { GridSpec } from '../grid/spec';
import { gridPage, type PageRequest } from '../grid/page';
import { likeEscape } from '../grid/sql';
import type { BackupService } from './service';
import type { CatalogEntry } from './catalog';

const OUR_SCHEMA = MIGRATIONS.at(-1)!.id;

/** A log entry as the page shows it: with whether its file is there and whether it may be restored. */
export async function toRow(service: BackupService, entry: CatalogEntry): Promise<BackupRow> {
  const presence = await service.presence(entry);
  return {
    id: entry.id,
    at: entry.at,
    kind: entry.kind,
    check: entry.check,
    presence,
    size: entry.size,
    durationMs: entry.durationMs,
    schema: entry.schema,
    detail: entry.detail,
    restorable:
      presence === 'present' &&
      entry.check !== 'bad' &&
      entry.kind !== 'damaged' &&
      (entry.schema === null || entry.schema <= OUR_SCHEMA),
  };
}

export async function backupRows(service: BackupService): Promise<BackupRow[]> {
  return Promise.all(service.catalog.list().map((e) => toRow(service, e)));
}

const grid: GridSpec<typeof backupGridColumns, BackupRow> = {
  from: 'log',
  countFrom: 'log',
  id: 'log.n',
  select: 'log.n, log.row',
  columns: {
    at: { sql: 'log.at', dateKind: 'instant' },
    kind: { sql: 'log.kind' },
    check: { sql: 'log.check_state' },
    presence: { sql: 'log.presence' },
    size: { sql: 'log.size' },
    durationMs: { sql: 'log.duration_ms' },
    id: { sql: 'log.id' },
  },
  defaultSort: [{ colId: 'at', sort: 'desc' }],
  quickSearch: (text) => ({ sql: `log.id LIKE ? ESCAPE '\\'`, params: [`%${likeEscape(text)}%`] }),
  mapRow: (raw) => JSON.parse(String(raw.row)) as BackupRow,
};

/**
 * One page of the backup log. The log is a JSON file (it must outlive the database), so its few hundred lines
 * are loaded into a throw-away in-memory SQLite table and paged by the same grid SQL as every other grid: the
 * same filters, sorting and quick search, the same whitelist.
 */
export async function backupLogPage(
  rows: BackupRow[],
  request: PageRequest,
): Promise<{ rows: BackupRow[]; rowCount: number }> {
  const db = await Connection.open(':memory:');
  try {
    await db.exec(
      `CREATE TABLE log (n INTEGER PRIMARY KEY, id TEXT, at TEXT, kind TEXT, check_state TEXT, presence TEXT, size INTEGER, duration_ms INTEGER, row TEXT)`,
    );
    await db.run(
      `INSERT INTO log (id, at, kind, check_state, presence, size, duration_ms, row)
       SELECT value ->> 'id', value ->> 'at', value ->> 'kind', value ->> 'check', value ->> 'presence', value ->> 'size', value ->> 'durationMs', value
       FROM json_each(?)`,
      [JSON.stringify(rows)],
    );
    return await gridPage(db, grid, request);
  } finally {
    await db.close();
  }
}
