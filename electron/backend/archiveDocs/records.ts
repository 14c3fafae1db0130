import { AppError } from '@shared/errors';
import type { ArchiveDocRecord } from '@shared/schemas/archiveDoc';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import { archiveDocSelect } from './columns';
import { orderFileIndex } from './fileIndex';

export async function loadDoc(db: Reader | Tx, id: number): Promise<ArchiveDocRecord | undefined> {
  return db.get<ArchiveDocRecord>(`SELECT ${archiveDocSelect} FROM archive_documents WHERE id = ? AND removed_at IS NULL`, [id]);
}

export async function customerDocs(db: Reader | Tx, customerId: number): Promise<ArchiveDocRecord[]> {
  return db.all<ArchiveDocRecord>(
    `SELECT ${archiveDocSelect} FROM archive_documents WHERE customer_id = ? AND removed_at IS NULL ORDER BY sequence, id`,
    [customerId],
  );
}

/** A customer's documents in filing order, with their page ranges. */
export async function fileIndexRows(db: Reader | Tx, customerId: number) {
  return orderFileIndex(await customerDocs(db, customerId));
}

/** The item numbers in use, in order. */
export async function itemNumbers(db: Reader | Tx, customerId: number): Promise<number[]> {
  const rows = await db.all<{ sequence: number }>(
    'SELECT DISTINCT sequence FROM archive_documents WHERE customer_id = ? AND removed_at IS NULL ORDER BY sequence',
    [customerId],
  );
  return rows.map((r) => r.sequence);
}

/**
 * Renumbers the items 1, 2, 3 … keeping their order, so the sequence a clerk sees is the item's place in the
 * file. Going up from the lowest, each number moves down to a place the ones before it have already left.
 */
export async function compactItems(tx: Tx, customerId: number): Promise<void> {
  const numbers = await itemNumbers(tx, customerId);
  for (const [i, n] of numbers.entries()) {
    if (n !== i + 1) {
      await tx.run('UPDATE archive_documents SET sequence = ? WHERE customer_id = ? AND sequence = ? AND removed_at IS NULL', [i + 1, customerId, n]);
    }
  }
}

export function notFound(): AppError {
  return new AppError('NOT_FOUND', 'archiveDocs.errors.notFound');
}
