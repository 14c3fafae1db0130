/**
 * Export targets and the outbox (exports.md "Targets", "Delivery guarantees").
 *
 * - delivery_targets: the folders reports are delivered to, with the state of the last check.
 * - delivery_jobs: one row per file handed to the outbox (its bytes live in the data folder's outbox/ until
 *   delivered). A job is never deleted: it is pending until delivered, retried with backoff in between.
 *   `pending_path` is the final name an attempt is about to take, so an attempt cut short by a crash after the
 *   rename is recognised at the next start instead of delivering the file twice.
 * - delivery_attempts: every attempt, append-only except that a running attempt is closed once.
 */
export default `
CREATE TABLE delivery_targets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  folder TEXT NOT NULL,
  sub_folder TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  default_registers TEXT NOT NULL DEFAULT '[]',
  manifest INTEGER NOT NULL DEFAULT 0 CHECK (manifest IN (0, 1)),
  state TEXT NOT NULL DEFAULT 'unchecked' CHECK (state IN ('unchecked', 'ok', 'unreachable', 'readOnly', 'full')),
  state_detail TEXT,
  free_bytes INTEGER,
  checked_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX delivery_targets_name ON delivery_targets (name COLLATE NOCASE);

CREATE TABLE delivery_jobs (
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
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered')),
  attempts INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  last_error_detail TEXT,
  next_attempt_at TEXT NOT NULL,
  pending_path TEXT,
  final_path TEXT,
  created_at TEXT NOT NULL,
  delivered_at TEXT,
  CHECK ((status = 'delivered') = (final_path IS NOT NULL))
);
CREATE INDEX delivery_jobs_due ON delivery_jobs (status, next_attempt_at, id);
CREATE INDEX delivery_jobs_created ON delivery_jobs (created_at, id);
CREATE INDEX delivery_jobs_target ON delivery_jobs (target_id, status);
CREATE TRIGGER delivery_jobs_keep BEFORE DELETE ON delivery_jobs
BEGIN SELECT RAISE(ABORT, 'delivery jobs are never deleted'); END;
CREATE TRIGGER delivery_jobs_delivered_stays BEFORE UPDATE ON delivery_jobs
WHEN OLD.status = 'delivered'
BEGIN SELECT RAISE(ABORT, 'a delivered job does not change'); END;

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
CREATE INDEX delivery_attempts_job ON delivery_attempts (job_id, id);
CREATE TRIGGER delivery_attempts_keep BEFORE DELETE ON delivery_attempts
BEGIN SELECT RAISE(ABORT, 'delivery attempts are never deleted'); END;
CREATE TRIGGER delivery_attempts_closed_once BEFORE UPDATE ON delivery_attempts
WHEN OLD.result <> 'running'
BEGIN SELECT RAISE(ABORT, 'a finished attempt does not change'); END;
`;
