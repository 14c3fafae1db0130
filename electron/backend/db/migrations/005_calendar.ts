/**
 * The working-day calendar (calendar.md): the dates that break the Monday–Friday rule — public holidays
 * (法定节假日) and make-up working days (调休上班). One date has at most one entry; a handful of rows per year.
 */
export default `
CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  kind TEXT NOT NULL CHECK (kind IN ('holiday','workday')),
  name TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  updated_by INTEGER REFERENCES users(id)
) WITHOUT ROWID;
`;
