import type { AccessLookupHit } from '@shared/schemas/access';
import type { Session } from '../auth/sessions';
import type { Reader } from '../db/connection';
import { likeEscape } from '../grid/sql';
import { visibleCustomers } from '../customers/visibility';

const LIMIT = 10;

/**
 * How another department names the customer it asks about: by code or name (full or short), never by phone or
 * address, and it learns only code, name and whether the customer is archived. A-class customers are found
 * only by project staff, as everywhere else. Three characters or more use the trigram index (limited to the
 * code and name columns); two fall back to LIKE over the same columns.
 */
export async function lookupCustomers(
  db: Reader,
  session: Session,
  text: string,
): Promise<AccessLookupHit[]> {
  const visible = visibleCustomers(session);
  const match =
    [...text].length >= 3
      ? {
          sql: `c.id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?)`,
          params: [`{code name short_name} : "${text.replace(/"/g, '""')}"`],
        }
      : {
          sql: `(c.code LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR c.short_name LIKE ? ESCAPE '\\')`,
          params: Array(3).fill(`%${likeEscape(text)}%`),
        };
  return db.all<AccessLookupHit>(
    `SELECT c.id, c.code, c.name, c.status FROM customers c
     WHERE (${match.sql}) AND (${visible.sql})
     ORDER BY c.code = ? COLLATE NOCASE DESC, c.status = 'archived', length(c.name), c.id LIMIT ?`,
    [...match.params, ...visible.params, text, LIMIT],
  );
}
