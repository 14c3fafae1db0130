/**
 * 代码表季度复核 (customers.md: the business format, market type and market size lists are "reviewed quarterly";
 * calendar.md lists the review among the office's quarterly work). One row per review an admin recorded, with the
 * quarter it counts for; append-only, like every other register of what was done.
 */
export default `
CREATE TABLE code_list_reviews (
  id INTEGER PRIMARY KEY,
  quarter TEXT NOT NULL UNIQUE CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
  reviewed_at TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  user_name TEXT NOT NULL,
  notes TEXT
);
CREATE TRIGGER code_list_reviews_append_only_update BEFORE UPDATE ON code_list_reviews
BEGIN SELECT RAISE(ABORT, 'code_list_reviews is append-only'); END;
CREATE TRIGGER code_list_reviews_append_only_delete BEFORE DELETE ON code_list_reviews
BEGIN SELECT RAISE(ABORT, 'code_list_reviews is append-only'); END;
`;
