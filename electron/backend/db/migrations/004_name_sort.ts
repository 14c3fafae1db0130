import type { Connection } from '../connection';
import { nameSortKey } from '../../customers/sortKey';

/**
 * Customer names sort by pinyin: a sort key kept beside the name (see customers/sortKey.ts). The covering index
 * of migration 3 moves from the name to the key, so a quick search sorted by name still walks one narrow index;
 * the class index carries the name too, so "class B, name contains …, by name" filters inside the index.
 */
export const sql = `
ALTER TABLE customers ADD COLUMN name_sort TEXT NOT NULL DEFAULT '';
DROP INDEX customers_name_search;
DROP INDEX customers_class_name;
CREATE INDEX customers_name_sort_search ON customers (name_sort, id, name, short_name, code, phone, address, abc_class);
CREATE INDEX customers_class_name_sort ON customers (abc_class, name_sort, id, name);
`;

/** Computes the key for the customers already on file (SQL cannot spell pinyin). */
export async function backfill(db: Connection): Promise<void> {
  const rows = await db.all<{ id: number; name: string }>('SELECT id, name FROM customers');
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    await db.run(
      `UPDATE customers SET name_sort = CASE id ${batch.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (${batch.map(() => '?').join(', ')})`,
      [...batch.flatMap((r) => [r.id, nameSortKey(r.name)]), ...batch.map((r) => r.id)],
    );
  }
}
