import type { Backend } from '../../../electron/backend/index';

/** What bulkCustomers gives customer n (1-based): tests check a sampled row against these. */
export const bulkCustomer = (n: number) => ({
  code: `KH${String(n).padStart(6, '0')}`,
  name: `杭州${n}号商贸有限公司`,
  abcClass: 'ABC'[n % 3]!,
});

/**
 * Inserts `count` customers KH000001… for one customer manager in a single INSERT … SELECT over a recursive
 * counter: SQLite makes the rows itself (the search index and cadence triggers still run), about 5 s for 100,000
 * on this machine where the seed CLI's generator takes ~40 s. For tests that need many rows and no realism.
 */
export async function bulkCustomers(backend: Backend, count: number, staffId: number): Promise<void> {
  const now = new Date().toISOString();
  await backend.store.write((tx) =>
    tx.run(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO customers (code, name, name_sort, abc_class, manager_staff_id, registered_on, phone, address, created_at, updated_at)
       SELECT printf('KH%06d', i), '杭州' || i || '号商贸有限公司', printf('hangzhou%06d', i), substr('ABC', 1 + i % 3, 1), ?, '2026-01-05',
         printf('138%08d', i), '浙江省杭州市西湖区文三路' || i || '号', ?, ?
       FROM n`,
      [count, staffId, now, now],
    ),
  );
}
