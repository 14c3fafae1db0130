/**
 * Covering indexes for the customer grid's quick search in its two usual sort orders: by code (the default)
 * and by name. Each holds every column a short quick search reads (name, short name, code, phone, address)
 * and the class the visibility rule reads. A search shorter than three characters (LIKE, as the trigram index
 * needs three) then counts by scanning a narrow index instead of the whole table, and a page sorted by code or
 * name walks the index in order, testing the search there and reading only the matching rows (see the late
 * row lookup in grid/page.ts). `customers_name_search` starts with (name, id), so it replaces `customers_name`.
 * Figures before and after: tests/bench/README.md.
 */
export default `
CREATE INDEX customers_code_search ON customers (code, id, name, short_name, phone, address, abc_class);
CREATE INDEX customers_name_search ON customers (name, id, short_name, code, phone, address, abc_class);
DROP INDEX customers_name;
`;
