import type { CustomerField } from '@shared/schemas/customer';

/** Customer field → table column. The only place the two spellings meet. */
export const CUSTOMER_COLUMN: Record<CustomerField, string> = {
  code: 'code',
  name: 'name',
  shortName: 'short_name',
  abcClass: 'abc_class',
  region: 'region',
  strength: 'strength',
  dealLikelihood: 'deal_likelihood',
  businessFormat: 'business_format',
  marketType: 'market_type',
  marketSize: 'market_size',
  areaUnit: 'area_unit',
  urbanRural: 'urban_rural',
  isKey: 'is_key',
  managerStaffId: 'manager_staff_id',
  registeredOn: 'registered_on',
  firstContractNo: 'first_contract_no',
  address: 'address',
  phone: 'phone',
  fax: 'fax',
  email: 'email',
  website: 'website',
  businessScope: 'business_scope',
  mainProducts: 'main_products',
  industryPosition: 'industry_position',
  recentDevelopments: 'recent_developments',
  culture: 'culture',
  creditRating: 'credit_rating',
  creditLimitFen: 'credit_limit_fen',
  orderCycle: 'order_cycle',
  infoSource: 'info_source',
  notes: 'notes',
};

export const CONTACT_COLUMN = {
  name: 'name',
  title: 'title',
  mobile: 'mobile',
  directLine: 'direct_line',
  email: 'email',
  isKeyLeader: 'is_key_leader',
  notes: 'notes',
} as const;

/** Booleans are stored as 0/1. */
export function toDb(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
