/**
 * A delivery job can end without being delivered (issue 4 item 2, housekeeping):
 *
 * - 'abandoned' (已放弃): a person gave it up, with a required reason (audited); its outbox file is removed.
 * - 'lost' (无法投递): its outbox file is gone — typically a database restored from a backup taken while the job
 *   was pending, whose file was delivered and removed since — so no attempt can ever succeed. The deliverer
 *   closes it once instead of retrying for ever.
 *
 * SQLite cannot change a CHECK constraint in place, so delivery_jobs is rebuilt with the same columns plus who
 * closed it, when and why, ids kept. Migrations run in a transaction with foreign keys on, where dropping a table
 * that attempts refer to would break those references: so the attempts are set aside first (a plain copy), the
 * jobs swapped, and delivery_attempts made again exactly as migration 012 made it, from the copy — every reference
 * checked as it goes back. A closed job, like a delivered one, never changes again, and no job is ever deleted.
 */
export default `
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
  CHECK (status <> 'abandoned' OR (closed_reason IS NOT NULL AND length(trim(closed_reason)) > 0 AND closed_by_name IS NOT NULL))
);
INSERT INTO delivery_jobs_014 (id, register_key, register, file_name, outbox_file, rows, bytes, sha256, target_id, user_id, user_name,
  status, attempts, failures, last_error, last_error_detail, next_attempt_at, pending_path, final_path, created_at, delivered_at)
SELECT id, register_key, register, file_name, outbox_file, rows, bytes, sha256, target_id, user_id, user_name,
  status, attempts, failures, last_error, last_error_detail, next_attempt_at, pending_path, final_path, created_at, delivered_at
FROM delivery_jobs;
CREATE TABLE delivery_attempts_014 AS SELECT * FROM delivery_attempts;
DROP TABLE delivery_attempts;
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

CREATE TABLE delivery_attempts (
  id INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL REFERENCES delivery_jobs(id),
  target_id INTEGER NOT NULL REFERENCES delivery_targets(id),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  result TEXT NOT NULL DEFAULT 'running' CHECK (result IN ('running', 'delivered', 'failed', 'interrupted')),
  error TEXT,
  error_detail TEXT,
  final_path TEXT
);
INSERT INTO delivery_attempts (id, job_id, target_id, started_at, finished_at, result, error, error_detail, final_path)
SELECT id, job_id, target_id, started_at, finished_at, result, error, error_detail, final_path FROM delivery_attempts_014;
DROP TABLE delivery_attempts_014;
CREATE INDEX delivery_attempts_job ON delivery_attempts (job_id, id);
CREATE TRIGGER delivery_attempts_keep BEFORE DELETE ON delivery_attempts
BEGIN SELECT RAISE(ABORT, 'delivery attempts are never deleted'); END;
CREATE TRIGGER delivery_attempts_closed_once BEFORE UPDATE ON delivery_attempts
WHEN OLD.result <> 'running'
BEGIN SELECT RAISE(ABORT, 'a finished attempt does not change'); END;
`;
