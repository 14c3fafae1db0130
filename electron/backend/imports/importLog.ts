import type { importLogColumns } from '@shared/grids/imports';
import type { ImportLogRow, ImportResult } from '@shared/schemas/imports';
import type { GridSpec } from '../grid/spec';
import { likeEscape } from '../grid/sql';
import type { Tx } from '../db/writeQueue';
import type { Session } from '../auth/sessions';

/** 导入记录: who imported which file when, and what came of it. */
export const importLogGrid: GridSpec<typeof importLogColumns, ImportLogRow> = {
  from: 'import_log l',
  countFrom: 'import_log l',
  id: 'l.id',
  select: `l.id, l.started_at AS startedAt, l.finished_at AS finishedAt, l.user_name AS userName, l.file_name AS fileName,
    l.received_on AS receivedOn, l.result, l.rows_total AS rows, l.created_count AS created, l.updated_count AS updated,
    l.contacts_count AS contacts, l.problem_count AS problems`,
  columns: {
    startedAt: { sql: 'l.started_at', dateKind: 'instant' },
    userName: { sql: 'l.user_name' },
    fileName: { sql: 'l.file_name' },
    result: { sql: 'l.result' },
    rows: { sql: 'l.rows_total' },
    created: { sql: 'l.created_count' },
    updated: { sql: 'l.updated_count' },
    contacts: { sql: 'l.contacts_count' },
    problems: { sql: 'l.problem_count' },
    receivedOn: { sql: 'l.received_on', dateKind: 'date' },
  },
  defaultSort: [{ colId: 'startedAt', sort: 'desc' }],
  quickSearch: (text) => ({
    sql: `(l.file_name LIKE ? ESCAPE '\\' OR l.user_name LIKE ? ESCAPE '\\')`,
    params: [`%${likeEscape(text)}%`, `%${likeEscape(text)}%`],
  }),
  mapRow: (raw) => raw as unknown as ImportLogRow,
};

export interface LogEntry {
  fileName: string;
  size: number;
  startedAt: string;
  finishedAt: string;
  receivedOn: string;
  result: ImportResult;
  rows: number;
  created: number;
  updated: number;
  contacts: number;
  problems: number;
}

export async function insertLogEntry(tx: Tx, session: Session, e: LogEntry): Promise<number> {
  const { lastID } = await tx.run(
    `INSERT INTO import_log (kind, file_name, file_size, user_id, user_name, started_at, finished_at, received_on, result,
       rows_total, created_count, updated_count, contacts_count, problem_count)
     VALUES ('customers', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [e.fileName, e.size, session.userId, session.displayName, e.startedAt, e.finishedAt, e.receivedOn, e.result, e.rows, e.created, e.updated, e.contacts, e.problems],
  );
  return lastID;
}
