/**
 * A delivery job can end without being delivered (issue 4 item 2, housekeeping):
 *
 * - 'abandoned' (已放弃): a person gave it up, with a required reason (audited); its outbox file is removed.
 * - 'lost' (无法投递): its outbox file is gone — typically a database restored from a backup taken while the job
 *   was pending, whose file was delivered and removed since — so no attempt can ever succeed. The deliverer
 *   closes it once instead of retrying for ever.
 *
 * SQLite cannot change a CHECK constraint in place, so delivery_jobs is rebuilt with the same columns plus who
 * closed it, when and why; ids are kept, so delivery_attempts' references stay valid (checked at commit). A
 * closed job, like a delivered one, never changes again, and no job is ever deleted.
 */
export default `
PRAGMA defer_foreign_keys = ON;

CREATE TABLE delivery_jobs_014 (
  id INTEGER PRIMARY KEY,
  register_key TEXT,
  register TEXT NOT NULL,
  file_name TEXT NOT NULL,
  outbox_file TEXT NOT NULL UNIQUE,
  rows INTEGER NOT NULL CHECK (rows >= 0),
  bytes INTEGER NOT NULL CHECK (bytes >= 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  target_id INTEGER NOT NULL REFERENCES delivery_targets(id),
  user_id INTEGER REFERENCES users(id),
  user_name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'abandoned', 'lost')),
  attempts INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  last_error_detail TEXT,
  next_attempt_at TEXT NOT NULL,
  pending_path TEXT,
  final_path TEXT,
  created_at TEXT NOT NULL,
  delivered_at TEXT,
  closed_at TEXT,
  closed_reason TEXT,
  closed_by INTEGER REFERENCES users(id),
  closed_by_name TEXT,
  CHECK ((status = 'delivered') = (final_path IS NOT NULL)),
  CHECK ((status IN ('abandoned', 'lost')) = (closed_at IS NOT NULL)),
  CHECK (status <> 'abandoned' OR (length(trim(closed_reason)) > 0 AND closed_by_name IS NOT NULL))
);
INSERT INTO delivery_jobs_014 (id, register_key, register, file_name, outbox_file, rows, bytes, sha256, target_id, user_id, user_name,
  status, attempts, failures, last_error, last_error_detail, next_attempt_at, pending_path, final_path, created_at, delivered_at)
SELECT id, register_key, register, file_name, outbox_file, rows, bytes, sha256, target_id, user_id, user_name,
  status, attempts, failures, last_error, last_error_detail, next_attempt_at, pending_path, final_path, created_at, delivered_at
FROM delivery_jobs;
DROP TABLE delivery_jobs;
ALTER TABLE delivery_jobs_014 RENAME TO delivery_jobs;

CREATE INDEX delivery_jobs_due ON delivery_jobs (status, next_attempt_at, id);
CREATE INDEX delivery_jobs_created ON delivery_jobs (created_at, id);
CREATE INDEX delivery_jobs_target ON delivery_jobs (target_id, status);
CREATE TRIGGER delivery_jobs_keep BEFORE DELETE ON delivery_jobs
BEGIN SELECT RAISE(ABORT, 'delivery jobs are never deleted'); END;
CREATE TRIGGER delivery_jobs_delivered_stays BEFORE UPDATE ON delivery_jobs
WHEN OLD.status <> 'pending'
BEGIN SELECT RAISE(ABORT, 'a delivered or closed job does not change'); END;
`;
