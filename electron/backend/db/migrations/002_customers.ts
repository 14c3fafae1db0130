/**
 * Staff, code lists, customers with contacts, the append-only change history and the trigram search index.
 * Customers are never deleted (archived instead); the history can only grow.
 */
export default `
CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  employee_no TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  department TEXT,
  position TEXT,
  phone TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE code_list_entries (
  id INTEGER PRIMARY KEY,
  list TEXT NOT NULL CHECK (list IN ('region','businessFormat','marketType','marketSize')),
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 0,
  UNIQUE (list, code)
);

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL DEFAULT 1,
  code TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  short_name TEXT,
  abc_class TEXT NOT NULL CHECK (abc_class IN ('A','B','C')),
  region TEXT,
  strength INTEGER CHECK (strength BETWEEN 1 AND 5),
  deal_likelihood INTEGER CHECK (deal_likelihood BETWEEN 1 AND 5),
  business_format TEXT,
  market_type TEXT,
  market_size TEXT,
  area_unit TEXT,
  urban_rural TEXT CHECK (urban_rural IN ('urban','rural')),
  is_key INTEGER NOT NULL DEFAULT 0 CHECK (is_key IN (0, 1)),
  manager_staff_id INTEGER NOT NULL REFERENCES staff(id),
  registered_on TEXT NOT NULL,
  first_contract_no TEXT,
  address TEXT,
  phone TEXT,
  fax TEXT,
  email TEXT,
  website TEXT,
  business_scope TEXT,
  main_products TEXT,
  industry_position TEXT,
  recent_developments TEXT,
  culture TEXT,
  credit_rating TEXT CHECK (credit_rating IN ('A','B','C','D')),
  credit_limit_fen INTEGER CHECK (credit_limit_fen >= 0),
  order_cycle TEXT,
  order_cycle_approved_by TEXT,
  info_source TEXT CHECK (info_source IN ('online','advertising','transactions','association','salesVisit','customerForm','survey','other')),
  notes TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','archived')),
  archived_at TEXT,
  archived_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX customers_name ON customers (name, id);
CREATE INDEX customers_class_name ON customers (abc_class, name, id);
CREATE INDEX customers_manager ON customers (manager_staff_id, id);
CREATE INDEX customers_registered ON customers (registered_on, id);
CREATE INDEX customers_updated ON customers (updated_at, id);
CREATE INDEX customers_status ON customers (status, abc_class);
CREATE TRIGGER customers_never_deleted BEFORE DELETE ON customers
BEGIN SELECT RAISE(ABORT, 'customers are archived, never deleted'); END;

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  name TEXT NOT NULL,
  title TEXT,
  mobile TEXT,
  direct_line TEXT,
  email TEXT,
  is_key_leader INTEGER NOT NULL DEFAULT 0 CHECK (is_key_leader IN (0, 1)),
  notes TEXT,
  removed_at TEXT,
  removed_reason TEXT
);
CREATE INDEX contacts_customer ON contacts (customer_id, id);

CREATE TABLE customer_changes (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  entity TEXT NOT NULL CHECK (entity IN ('customer','contact')),
  entity_id INTEGER,
  entity_label TEXT,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  user_id INTEGER REFERENCES users(id),
  user_name TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  received_on TEXT NOT NULL,
  late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1))
);
CREATE INDEX customer_changes_customer ON customer_changes (customer_id, changed_at, id);
CREATE INDEX customer_changes_recent ON customer_changes (changed_at, id);
CREATE INDEX customer_changes_late ON customer_changes (late, changed_at);
CREATE TRIGGER customer_changes_append_only_update BEFORE UPDATE ON customer_changes
BEGIN SELECT RAISE(ABORT, 'customer_changes is append-only'); END;
CREATE TRIGGER customer_changes_append_only_delete BEFORE DELETE ON customer_changes
BEGIN SELECT RAISE(ABORT, 'customer_changes is append-only'); END;

-- Chinese has no word boundaries: the trigram tokenizer finds any substring of three or more characters.
CREATE VIRTUAL TABLE customers_fts USING fts5(
  code, name, short_name, phone, address,
  content = 'customers', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
  INSERT INTO customers_fts (rowid, code, name, short_name, phone, address)
  VALUES (new.id, new.code, new.name, new.short_name, new.phone, new.address);
END;
CREATE TRIGGER customers_fts_update AFTER UPDATE OF code, name, short_name, phone, address ON customers BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, code, name, short_name, phone, address)
  VALUES ('delete', old.id, old.code, old.name, old.short_name, old.phone, old.address);
  INSERT INTO customers_fts (rowid, code, name, short_name, phone, address)
  VALUES (new.id, new.code, new.name, new.short_name, new.phone, new.address);
END;

-- Starting values for the admin-maintained code lists; the office edits them on the 代码表 page.
INSERT INTO code_list_entries (list, code, label, sort_order) VALUES
  ('region', 'east', '城东片区', 1), ('region', 'west', '城西片区', 2), ('region', 'south', '城南片区', 3),
  ('region', 'north', '城北片区', 4), ('region', 'county', '县域片区', 5),
  ('businessFormat', 'supermarket', '商超', 1), ('businessFormat', 'convenience', '便利店', 2),
  ('businessFormat', 'wholesale', '批发', 3), ('businessFormat', 'specialty', '专卖店', 4),
  ('businessFormat', 'catering', '餐饮', 5), ('businessFormat', 'online', '电商', 6),
  ('businessFormat', 'manufacturing', '生产制造', 7),
  ('marketType', 'city', '城市', 1), ('marketType', 'county', '县城', 2), ('marketType', 'town', '乡镇', 3),
  ('marketType', 'village', '农村', 4),
  ('marketSize', 'large', '大型', 1), ('marketSize', 'medium', '中型', 2), ('marketSize', 'small', '小型', 3);
`;
