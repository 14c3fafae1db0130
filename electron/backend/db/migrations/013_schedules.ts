/**
 * Scheduled exports (exports.md "Scheduled exports"; electron/backend/schedules/).
 *
 * - export_schedules: a schedule's rule (JSON, shared/schedules.ts), the registers it exports (JSON keys of
 *   shared/schemas/schedules.ts), format, target, the owner it runs as, and its last/next run. Never deleted
 *   (disabled instead), so every run keeps its schedule. An enabled schedule always has a target and an owner.
 * - export_schedule_runs: every run and its outcome, append-only except that a running run is closed once.
 *
 * The spec's two defaults whose registers exist today are created here, disabled: they need a target (and an
 * owner) an admin picks on the 定时导出 page. Monday/Wednesday/15:00 schedules come with the gift store and
 * points registers. Their times are the office PC's local time.
 */
export default `
CREATE TABLE export_schedules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
  rule TEXT NOT NULL CHECK (json_valid(rule)),
  registers TEXT NOT NULL CHECK (json_valid(registers)),
  changed_only INTEGER NOT NULL DEFAULT 0 CHECK (changed_only IN (0, 1)),
  format TEXT NOT NULL CHECK (format IN ('xlsx', 'csv')),
  target_id INTEGER REFERENCES delivery_targets(id),
  owner_id INTEGER REFERENCES users(id),
  preset TEXT CHECK (preset IN ('weeklyBundle', 'monthEnd')),
  last_run_at TEXT,
  last_result TEXT,
  next_run_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (enabled = 0 OR (target_id IS NOT NULL AND owner_id IS NOT NULL))
);
CREATE UNIQUE INDEX export_schedules_name ON export_schedules (name COLLATE NOCASE);
CREATE INDEX export_schedules_due ON export_schedules (enabled, next_run_at);
CREATE TRIGGER export_schedules_keep BEFORE DELETE ON export_schedules
BEGIN SELECT RAISE(ABORT, 'schedules are disabled, never deleted'); END;

CREATE TABLE export_schedule_runs (
  id INTEGER PRIMARY KEY,
  schedule_id INTEGER NOT NULL REFERENCES export_schedules(id),
  trigger TEXT NOT NULL CHECK (trigger IN ('due', 'catchUp', 'manual')),
  due_at TEXT,
  missed INTEGER NOT NULL DEFAULT 0 CHECK (missed >= 0),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  result TEXT NOT NULL DEFAULT 'running' CHECK (result IN ('running', 'ok', 'partial', 'failed', 'interrupted')),
  job_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(job_ids)),
  outcomes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(outcomes)),
  error TEXT,
  error_params TEXT CHECK (error_params IS NULL OR json_valid(error_params))
);
CREATE INDEX export_schedule_runs_schedule ON export_schedule_runs (schedule_id, id);
CREATE INDEX export_schedule_runs_result ON export_schedule_runs (result, started_at);
CREATE TRIGGER export_schedule_runs_keep BEFORE DELETE ON export_schedule_runs
BEGIN SELECT RAISE(ABORT, 'schedule runs are never deleted'); END;
CREATE TRIGGER export_schedule_runs_closed_once BEFORE UPDATE ON export_schedule_runs
WHEN OLD.result <> 'running'
BEGIN SELECT RAISE(ABORT, 'a finished run does not change'); END;

INSERT INTO export_schedules (name, enabled, rule, registers, changed_only, format, preset, created_at, updated_at) VALUES
  ('每周五周报包', 0, '{"kind":"weekly","weekday":5,"time":"17:00"}',
   '["customers","contactList","visits","complaints","contracts","satisfaction","resourceStats"]', 1, 'xlsx', 'weeklyBundle',
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('月末台账', 0, '{"kind":"monthEnd","time":"17:00"}', '["customers","contracts"]', 0, 'xlsx', 'monthEnd',
   strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
`;
