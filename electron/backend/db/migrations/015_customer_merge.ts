/**
 * 合并重复客户 (customers.md "Access": only admin merges duplicates). The duplicate is not deleted — customers never
 * are — but archived with a pointer to the customer that took over its contacts, visits, plans, contracts,
 * complaints and paper documents, so its page can say where everything went and it cannot be restored by mistake.
 */
export default `
ALTER TABLE customers ADD COLUMN merged_into_id INTEGER REFERENCES customers(id);
CREATE INDEX customers_merged_into ON customers (merged_into_id) WHERE merged_into_id IS NOT NULL;
`;
