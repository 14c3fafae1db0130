/**
 * Access requests from other departments (查阅申请) and order-cycle change requests (订货周期变更), both decided
 * by a supervisor; the change history gains the approver of a change that needed one.
 * A request is decided once: after that its row is final (triggers), and neither kind is ever deleted.
 */
export default `
CREATE TABLE access_requests (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  requester_id INTEGER NOT NULL REFERENCES users(id),
  requester_name TEXT NOT NULL,
  reason TEXT NOT NULL,
  days INTEGER CHECK (days BETWEEN 1 AND 30),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
  requested_at TEXT NOT NULL,
  decided_by INTEGER REFERENCES users(id),
  decided_by_name TEXT,
  decided_at TEXT,
  decision_note TEXT,
  granted_days INTEGER CHECK (granted_days BETWEEN 1 AND 30),
  expires_at TEXT,
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK ((status = 'approved') = (expires_at IS NOT NULL AND granted_days IS NOT NULL))
);
CREATE INDEX access_requests_requester ON access_requests (requester_id, customer_id, status, expires_at);
CREATE INDEX access_requests_status ON access_requests (status, requested_at, id);
CREATE INDEX access_requests_requested ON access_requests (requested_at, id);
CREATE TRIGGER access_requests_never_deleted BEFORE DELETE ON access_requests
BEGIN SELECT RAISE(ABORT, 'access requests are kept'); END;
CREATE TRIGGER access_requests_decided_once BEFORE UPDATE ON access_requests WHEN old.status <> 'pending'
BEGIN SELECT RAISE(ABORT, 'a decided access request is final'); END;

CREATE TABLE order_cycle_requests (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  old_value TEXT,
  new_value TEXT,
  requester_id INTEGER NOT NULL REFERENCES users(id),
  requester_name TEXT NOT NULL,
  received_on TEXT NOT NULL,
  -- whether the clerk entered it more than 2 days after the information came in (超期更新), fixed at entry
  late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  requested_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected','superseded')),
  decided_by INTEGER REFERENCES users(id),
  decided_by_name TEXT,
  decided_at TEXT,
  decision_note TEXT,
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
-- At most one request waits per customer: a newer one supersedes it.
CREATE UNIQUE INDEX order_cycle_requests_one_pending ON order_cycle_requests (customer_id) WHERE status = 'pending';
CREATE INDEX order_cycle_requests_status ON order_cycle_requests (status, requested_at, id);
CREATE INDEX order_cycle_requests_requested ON order_cycle_requests (requested_at, id);
CREATE TRIGGER order_cycle_requests_never_deleted BEFORE DELETE ON order_cycle_requests
BEGIN SELECT RAISE(ABORT, 'order-cycle requests are kept'); END;
CREATE TRIGGER order_cycle_requests_decided_once BEFORE UPDATE ON order_cycle_requests WHEN old.status <> 'pending'
BEGIN SELECT RAISE(ABORT, 'a decided order-cycle request is final'); END;

ALTER TABLE customer_changes ADD COLUMN approved_by TEXT;
`;
