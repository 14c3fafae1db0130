/**
 * 导入记录: one row per import that was carried out, refused at commit or cancelled — who, when, which file, how
 * many customers it created and updated, and how many problems stopped it. Append-only, like the audit log.
 */
export default `
CREATE TABLE import_log (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('customers')),
  file_name TEXT NOT NULL,
  file_size INTEGER NOT NULL CHECK (file_size >= 0),
  user_id INTEGER REFERENCES users(id),
  user_name TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  received_on TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('done', 'refused', 'cancelled')),
  rows_total INTEGER NOT NULL DEFAULT 0,
  created_count INTEGER NOT NULL DEFAULT 0,
  updated_count INTEGER NOT NULL DEFAULT 0,
  contacts_count INTEGER NOT NULL DEFAULT 0,
  problem_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX import_log_started ON import_log (started_at, id);
CREATE TRIGGER import_log_append_only_update BEFORE UPDATE ON import_log
BEGIN SELECT RAISE(ABORT, 'import_log is append-only'); END;
CREATE TRIGGER import_log_append_only_delete BEFORE DELETE ON import_log
BEGIN SELECT RAISE(ABORT, 'import_log is append-only'); END;
`;
