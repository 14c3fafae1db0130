import core from './001_core';
import customers from './002_customers';
import searchIndexes from './003_search_indexes';
import * as nameSort from './004_name_sort';
import type { Connection } from '../connection';

export interface Migration {
  id: number;
  name: string;
  sql: string;
  /** Data the SQL cannot compute, filled in JavaScript inside the same transaction. */
  backfill?: (db: Connection) => Promise<void>;
}

/**
 * The schema's history, in order. A migration, once released, is never edited: add the next number instead.
 * (They are TypeScript modules holding SQL text so that every host — Electron's bundle, the browser host,
 * the CLI and the tests — loads them the same way.)
 */
export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'core', sql: core },
  { id: 2, name: 'customers', sql: customers },
  { id: 3, name: 'search_indexes', sql: searchIndexes },
  { id: 4, name: 'name_sort', sql: nameSort.sql, backfill: nameSort.backfill },
];
