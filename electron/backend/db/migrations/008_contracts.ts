/**
 * 合同台账: contracts with their countersign, special-contract approval, lifecycle and paper attachments, and each
 * contract's own timeline. Contracts are kept at least 10 years, so they are never deleted (trigger); the
 * timeline can only grow. Only decided statuses are stored; 生效/已到期 are read off the dates (shared/contractLifecycle.ts).
 */
export default `
CREATE TABLE contracts (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL DEFAULT 1,
  contract_no TEXT NOT NULL UNIQUE COLLATE NOCASE,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  title TEXT NOT NULL,
  contract_type TEXT NOT NULL CHECK (contract_type IN ('regular','nonRegular')),
  is_special INTEGER NOT NULL DEFAULT 0 CHECK (is_special IN (0, 1)),
  special_reason TEXT,
  countersigned_by TEXT,
  countersigned_on TEXT,
  special_approved_by TEXT,
  special_approved_by_user_id INTEGER REFERENCES users(id),
  special_approved_at TEXT,
  special_approval_note TEXT,
  signed_on TEXT,
  start_on TEXT NOT NULL,
  end_on TEXT,
  amount_fen INTEGER CHECK (amount_fen >= 0),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','signed','renewed','terminated')),
  renews_id INTEGER REFERENCES contracts(id),
  renewed_by_id INTEGER REFERENCES contracts(id),
  terminated_on TEXT,
  terminated_reason TEXT,
  attachments TEXT NOT NULL DEFAULT '[]',
  notes TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (end_on IS NULL OR end_on >= start_on),
  CHECK (status IN ('draft','terminated') OR signed_on IS NOT NULL),
  CHECK (contract_type = 'regular' OR status = 'draft' OR signed_on IS NULL OR countersigned_on IS NOT NULL)
);
CREATE INDEX contracts_customer ON contracts (customer_id, id);
CREATE INDEX contracts_status_end ON contracts (status, end_on, id);
CREATE TRIGGER contracts_never_deleted BEFORE DELETE ON contracts
BEGIN SELECT RAISE(ABORT, 'contracts are kept at least 10 years and never deleted'); END;

CREATE TABLE contract_events (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts(id),
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id),
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  field TEXT,
  old_value TEXT,
  new_value TEXT,
  note TEXT
);
CREATE INDEX contract_events_contract ON contract_events (contract_id, id);
CREATE TRIGGER contract_events_append_only_update BEFORE UPDATE ON contract_events
BEGIN SELECT RAISE(ABORT, 'contract_events is append-only'); END;
CREATE TRIGGER contract_events_append_only_delete BEFORE DELETE ON contract_events
BEGIN SELECT RAISE(ABORT, 'contract_events is append-only'); END;
`;
