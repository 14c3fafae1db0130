/**
 * 档案文件登记: the paper documents in each customer's physical file. A document registered by mistake is removed
 * with a reason (the row stays, like a removed contact); rows are never deleted.
 */
export default `
CREATE TABLE archive_documents (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  sequence INTEGER NOT NULL CHECK (sequence >= 1),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  doc_no TEXT,
  author TEXT,
  doc_date TEXT,
  role TEXT NOT NULL CHECK (role IN ('document','original','attachment','printed','finalDraft','forwarded','forwardedOriginal','request','approval','otherLanguage')),
  copies INTEGER NOT NULL CHECK (copies >= 1),
  pages INTEGER NOT NULL CHECK (pages >= 1),
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  removed_at TEXT,
  removed_reason TEXT
);
CREATE INDEX archive_documents_customer ON archive_documents (customer_id, sequence, id);
CREATE TRIGGER archive_documents_never_deleted BEFORE DELETE ON archive_documents
BEGIN SELECT RAISE(ABORT, 'archive documents are removed with a reason, never deleted'); END;
`;
