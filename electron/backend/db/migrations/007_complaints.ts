/**
 * 客户意见与投诉: the complaint record, its status flow and the timeline of its steps. The CHECKs hold the flow's
 * rules in the database as well (a closed complaint always has the customer's four scores); complaints are
 * never deleted and the timeline only grows.
 */
export default `
CREATE TABLE complaints (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL DEFAULT 1,
  number TEXT NOT NULL UNIQUE,
  number_year INTEGER NOT NULL,
  number_seq INTEGER NOT NULL,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  type TEXT NOT NULL CHECK (type IN ('suggestion','query','grievance','complaint')),
  channel TEXT NOT NULL CHECK (channel IN ('phone','email','onSite','infoSlip','other')),
  received_at TEXT NOT NULL,
  received_on TEXT NOT NULL,
  received_by_staff_id INTEGER NOT NULL REFERENCES staff(id),
  content TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'received'
    CHECK (status IN ('received','verified','handling','resolved','feedbackRecorded','closed')),
  verification TEXT,
  responsibility TEXT CHECK (responsibility IN ('company','notCompany')),
  responsible_department TEXT,
  responsible_person TEXT,
  verified_at TEXT,
  handling_plan TEXT,
  rectification_plan TEXT,
  handling_started_at TEXT,
  handling_result TEXT,
  resolved_at TEXT,
  score_time INTEGER CHECK (score_time BETWEEN 1 AND 5),
  score_method INTEGER CHECK (score_method BETWEEN 1 AND 5),
  score_process INTEGER CHECK (score_process BETWEEN 1 AND 5),
  score_result INTEGER CHECK (score_result BETWEEN 1 AND 5),
  feedback_on TEXT,
  feedback_note TEXT,
  feedback_at TEXT,
  closed_at TEXT,
  created_by INTEGER REFERENCES users(id),
  created_by_name TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (number_year, number_seq),
  CHECK (status = 'received' OR (verification IS NOT NULL AND responsibility IS NOT NULL AND verified_at IS NOT NULL)),
  CHECK (status IN ('received','verified') OR (handling_plan IS NOT NULL AND handling_started_at IS NOT NULL)),
  CHECK (status NOT IN ('resolved','feedbackRecorded','closed') OR (handling_result IS NOT NULL AND resolved_at IS NOT NULL)),
  CHECK (status NOT IN ('feedbackRecorded','closed') OR (score_time IS NOT NULL AND score_method IS NOT NULL
    AND score_process IS NOT NULL AND score_result IS NOT NULL AND feedback_on IS NOT NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX complaints_customer ON complaints (customer_id, received_on, id);
CREATE INDEX complaints_received ON complaints (received_on, id);
CREATE INDEX complaints_status_due ON complaints (status, due_on);
CREATE TRIGGER complaints_never_deleted BEFORE DELETE ON complaints
BEGIN SELECT RAISE(ABORT, 'complaints are closed, never deleted'); END;

CREATE TABLE complaint_events (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints(id),
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id),
  user_name TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('received','edited','verified','handling','resolved','feedback','closed')),
  status_after TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, id);
CREATE TRIGGER complaint_events_append_only_update BEFORE UPDATE ON complaint_events
BEGIN SELECT RAISE(ABORT, 'complaint_events is append-only'); END;
CREATE TRIGGER complaint_events_append_only_delete BEFORE DELETE ON complaint_events
BEGIN SELECT RAISE(ABORT, 'complaint_events is append-only'); END;
`;
