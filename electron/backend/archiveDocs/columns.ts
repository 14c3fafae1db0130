import type { ArchiveDocField } from '@shared/schemas/archiveDoc';

/** Archive document field → table column. */
export const ARCHIVE_DOC_COLUMN: Record<ArchiveDocField, string> = {
  sequence: 'sequence',
  kind: 'kind',
  title: 'title',
  docNo: 'doc_no',
  author: 'author',
  docDate: 'doc_date',
  role: 'role',
  copies: 'copies',
  pages: 'pages',
  notes: 'notes',
};

export const archiveDocSelect = `id, customer_id AS customerId, sequence, kind, title, doc_no AS docNo, author, doc_date AS docDate, role,
  copies, pages, notes, created_at AS createdAt, updated_at AS updatedAt`;
