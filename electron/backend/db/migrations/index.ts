import core from './001_core';
import customers from './002_customers';
import searchIndexes from './003_search_indexes';
import * as nameSort from './004_name_sort';
import calendar from './005_calendar';
import visits from './006_visits';
import complaints from './007_complaints';
import contracts from './008_contracts';
import archiveDocuments from './009_archive_documents';
import access from './010_access';
import importLog from './011_import_log';
import delivery from './012_delivery';
import schedules from './013_schedules';
import deliveryClosing from './014_delivery_closing';
import customerMerge from './015_customer_merge';
import codeListReviews from './016_code_list_reviews';
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
  { id: 5, name: 'calendar', sql: calendar },
  { id: 6, name: 'visits', sql: visits },
  { id: 7, name: 'complaints', sql: complaints },
  { id: 8, name: 'contracts', sql: contracts },
  { id: 9, name: 'archive_documents', sql: archiveDocuments },
  { id: 10, name: 'access', sql: access },
  { id: 11, name: 'import_log', sql: importLog },
  { id: 12, name: 'delivery', sql: delivery },
  { id: 13, name: 'schedules', sql: schedules },
  { id: 14, name: 'delivery_closing', sql: deliveryClosing },
  { id: 15, name: 'customer_merge', sql: customerMerge },
  { id: 16, name: 'code_list_reviews', sql: codeListReviews },
];
