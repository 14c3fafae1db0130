import { Descriptions, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { CustomerRecord } from '@shared/schemas/customer';
import { formatFen } from '@shared/money';
import { formatInstant } from '../../shell/format';
import type { Lookups } from './useLookups';

/** The customer record, read-only, in the same sections as the form. */
export function CustomerProfile({ customer: c, lookups, t }: { customer: CustomerRecord; lookups: Lookups; t: TFunction }) {
  const f = (k: string) => t(`customers.fields.${k}`);
  const dash = t('common.notSet');
  const v = (x: string | number | null | undefined) => (x === null || x === undefined || x === '' ? dash : x);
  const code = (list: string, x: string | null) => (x ? (lookups.label(list, x) ?? x) : dash);
  const en = (name: string, x: string | null) => (x ? t(`enums.${name}.${x}`) : dash);
  const section = (key: string) => <Typography.Title level={5} className="form-section-title">{t(`customers.sections.${key}`)}</Typography.Title>;
  const props = { size: 'small' as const, bordered: true, column: 3, style: { marginBottom: 16 } };
  return (
    <div data-testid="customer-profile">
      {section('basic')}
      <Descriptions {...props}>
        <Descriptions.Item label={f('code')}>{c.code}</Descriptions.Item>
        <Descriptions.Item label={f('name')} span={2}>{c.name}</Descriptions.Item>
        <Descriptions.Item label={f('shortName')}>{v(c.shortName)}</Descriptions.Item>
        <Descriptions.Item label={f('managerName')}>{c.managerName}</Descriptions.Item>
        <Descriptions.Item label={f('registeredOn')}>{c.registeredOn}</Descriptions.Item>
        <Descriptions.Item label={f('firstContractNo')}>{v(c.firstContractNo)}</Descriptions.Item>
        <Descriptions.Item label={f('createdAt')}>{formatInstant(c.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={f('updatedAt')}>{formatInstant(c.updatedAt)}</Descriptions.Item>
      </Descriptions>
      {section('classification')}
      <Descriptions {...props}>
        <Descriptions.Item label={f('abcClass')}>{t(`enums.abcClass.${c.abcClass}`)}</Descriptions.Item>
        <Descriptions.Item label={f('isKey')}>{t(`enums.bool.${c.isKey}`)}</Descriptions.Item>
        <Descriptions.Item label={f('urbanRural')}>{en('urbanRural', c.urbanRural)}</Descriptions.Item>
        <Descriptions.Item label={f('region')}>{code('region', c.region)}</Descriptions.Item>
        <Descriptions.Item label={f('areaUnit')}>{v(c.areaUnit)}</Descriptions.Item>
        <Descriptions.Item label={f('businessFormat')}>{code('businessFormat', c.businessFormat)}</Descriptions.Item>
        <Descriptions.Item label={f('marketType')}>{code('marketType', c.marketType)}</Descriptions.Item>
        <Descriptions.Item label={f('marketSize')}>{code('marketSize', c.marketSize)}</Descriptions.Item>
        <Descriptions.Item label={f('strength')}>{v(c.strength)}</Descriptions.Item>
        <Descriptions.Item label={f('dealLikelihood')}>{v(c.dealLikelihood)}</Descriptions.Item>
      </Descriptions>
      {section('contact')}
      <Descriptions {...props}>
        <Descriptions.Item label={f('address')} span={3}>{v(c.address)}</Descriptions.Item>
        <Descriptions.Item label={f('phone')}>{v(c.phone)}</Descriptions.Item>
        <Descriptions.Item label={f('fax')}>{v(c.fax)}</Descriptions.Item>
        <Descriptions.Item label={f('email')}>{v(c.email)}</Descriptions.Item>
        <Descriptions.Item label={f('website')}>{v(c.website)}</Descriptions.Item>
      </Descriptions>
      {section('business')}
      <Descriptions {...props} column={2}>
        <Descriptions.Item label={f('businessScope')}>{v(c.businessScope)}</Descriptions.Item>
        <Descriptions.Item label={f('mainProducts')}>{v(c.mainProducts)}</Descriptions.Item>
        <Descriptions.Item label={f('industryPosition')}>{v(c.industryPosition)}</Descriptions.Item>
        <Descriptions.Item label={f('recentDevelopments')}>{v(c.recentDevelopments)}</Descriptions.Item>
        <Descriptions.Item label={f('culture')} span={2}>{v(c.culture)}</Descriptions.Item>
      </Descriptions>
      {section('credit')}
      <Descriptions {...props}>
        <Descriptions.Item label={f('creditRating')}>{en('creditRating', c.creditRating)}</Descriptions.Item>
        <Descriptions.Item label={f('creditLimitFen')}>{c.creditLimitFen === null ? dash : formatFen(c.creditLimitFen)}</Descriptions.Item>
        <Descriptions.Item label={f('infoSource')}>{en('infoSource', c.infoSource)}</Descriptions.Item>
        <Descriptions.Item label={f('orderCycle')}>{v(c.orderCycle)}</Descriptions.Item>
        <Descriptions.Item label={f('orderCycleApprovedBy')}>{v(c.orderCycleApprovedBy)}</Descriptions.Item>
      </Descriptions>
      {section('other')}
      <Descriptions {...props} column={1}>
        <Descriptions.Item label={f('notes')}>{v(c.notes)}</Descriptions.Item>
        {c.status === 'archived' && <Descriptions.Item label={f('archivedReason')}>{v(c.archivedReason)}（{formatInstant(c.archivedAt)}）</Descriptions.Item>}
      </Descriptions>
    </div>
  );
}
