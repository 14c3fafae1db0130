import { AppError } from '@shared/errors';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '@shared/schemas/imports';
import type { RawCell, RawRow } from './readTable';

/**
 * The column names office registers use for each field, the first being the one the template writes. Matching
 * ignores spaces, letter case, full-width forms, a required-mark "*" and a "(元)" unit; our own exports' headers
 * (客户档案台账) are among them, so an exported register imports back as it is.
 */
export const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  code: ['客户编号', '编号', '客户代码', '客户编码', '客户号', '代码', 'customer code', 'code'],
  name: ['客户名称', '名称', '单位名称', '客户全称', '公司名称', '企业名称', '客户', 'customer name', 'name'],
  shortName: ['简称', '客户简称', 'short name'],
  abcClass: ['客户等级', '等级', 'ABC分类', 'ABC类别', 'ABC等级', '客户分类', '分级', '客户级别', 'class', 'abc class'],
  region: ['区域', '片区', '所属区域', '所属片区', 'region'],
  strength: ['客户实力', '实力', 'strength'],
  dealLikelihood: ['成交可能性', '成交可能', 'deal likelihood'],
  businessFormat: ['业态', '经营业态', 'business format'],
  marketType: ['市场类型', 'market type'],
  marketSize: ['市场规模', 'market size'],
  areaUnit: ['区域单元', 'area unit'],
  urbanRural: ['城区/农村', '城乡', '城乡属性', '城区或农村', 'urban/rural'],
  isKey: ['重点客户', '是否重点客户', '重点', 'key customer'],
  manager: ['客户经理', '业务员', '业务经理', '负责人', '客户经理编号', '负责客户经理', 'manager', 'account manager'],
  registeredOn: ['登记日期', '建档日期', '登记时间', '建档时间', 'registered on', 'registration date'],
  firstContractNo: ['首份合同编号', '合同编号', '合同号', 'contract no.', 'first contract no.'],
  address: ['地址', '联系地址', '通讯地址', '详细地址', '单位地址', 'address'],
  phone: ['电话', '联系电话', '办公电话', '固定电话', '座机', '客户电话', 'phone', 'tel', 'telephone'],
  fax: ['传真', '传真号码', 'fax'],
  email: ['电子邮箱', '邮箱', '电子邮件', 'email', 'e-mail'],
  website: ['网址', '网站', '公司网址', 'website'],
  businessScope: ['业务范围', '经营范围', 'business scope'],
  mainProducts: ['主导产品', '主营产品', '主要产品', 'main products'],
  industryPosition: ['行业地位', 'industry position'],
  recentDevelopments: ['发展动态', 'recent developments'],
  culture: ['企业文化与政策', '企业文化', 'culture'],
  creditRating: ['信用等级', '信用评级', 'credit rating'],
  creditLimit: ['授信额度', '信用额度', '授信金额', 'credit limit'],
  orderCycle: ['订货周期', 'order cycle'],
  infoSource: ['信息来源', '来源', 'info source'],
  notes: ['备注', '说明', 'notes', 'remarks'],
  contactName: ['联系人', '联系人姓名', '联系人名称', 'contact', 'contact name'],
  contactTitle: ['职务', '联系人职务', '职位', 'title', 'contact title'],
  contactMobile: ['手机', '手机号', '手机号码', '联系人手机', '移动电话', 'mobile'],
  contactDirectLine: ['直线电话', '联系人电话', '联系人直线', 'direct line'],
  contactEmail: ['联系人邮箱', '联系人电子邮箱', 'contact email'],
};

/** How a header is compared: NFKC (full-width → half-width), lower case, no spaces, no "*", no "(元)". */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[*]/g, '')
    .replace(/\(元\)$/, '');
}

const BY_KEY = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const name of HEADER_NAMES[field]) BY_KEY.set(headerKey(name), field);

export function recogniseHeader(text: string): ImportField | null {
  return BY_KEY.get(headerKey(text)) ?? null;
}

/** A header cell as text; a formula, an error or a date is no column name. */
export function headerText(cell: RawCell | undefined): string {
  return typeof cell === 'string' || typeof cell === 'number' ? String(cell).trim() : '';
}

/** The first row among the first rows of the file that names at least two known columns. */
const HEADER_SEARCH_ROWS = 10;

export interface HeaderRow {
  row: number;
  headers: string[];
}

/**
 * Finds the header row in the rows read so far (a title row and a "generated at" row above it, as our exports
 * have, are skipped). No such row → the per-file message that names what the first row held.
 */
export function findHeaderRow(rows: readonly RawRow[]): HeaderRow {
  if (rows.length === 0) throw new AppError('VALIDATION', 'imports.errors.empty');
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const headers = r.cells.map(headerText);
    if (headers.filter((h) => recogniseHeader(h) !== null).length >= 2) return { row: r.row, headers };
  }
  const first = rows[0]!.cells.map(headerText).filter(Boolean).slice(0, 8).join('、');
  throw new AppError('VALIDATION', 'imports.errors.noHeader', { params: { found: first || '—' } });
}

/** Each recognised header's field; a field named twice goes to its first column only. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const taken = new Set<ImportField>();
  const mapping: ImportMapping = [];
  headers.forEach((h, column) => {
    const field = recogniseHeader(h);
    if (field && !taken.has(field)) {
      taken.add(field);
      mapping.push({ column, field });
    }
  });
  return mapping;
}
