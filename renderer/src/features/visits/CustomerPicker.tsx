import { useEffect, useRef, useState } from 'react';
import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '@shared/schemas/customer';
import { call } from '../../api/client';

/**
 * Picks a customer on file by typing part of its name, code or phone (the global search's channel, so A-class
 * customers only appear for project staff). Archived customers are listed but cannot be chosen.
 */
export function CustomerPicker(props: { value?: number; onChange?: (id: number, hit: SearchHit) => void; autoFocus?: boolean; id?: string }) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [text, setText] = useState('');
  const seq = useRef(0);

  useEffect(() => {
    const q = text.trim();
    if (!q) return;
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      call('customers.search', { text: q.slice(0, 50), limit: 20 })
        .then((rows) => mine === seq.current && setHits(rows))
        .catch(() => mine === seq.current && setHits([]));
    }, 200);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <Select
      id={props.id}
      showSearch={{ filterOption: false, onSearch: setText }}
      autoFocus={props.autoFocus}
      value={props.value}
      placeholder={t('visits.chooseCustomer')}
      notFoundContent={null}
      onChange={(id: number) => {
        const hit = hits.find((h) => h.id === id);
        if (hit) props.onChange?.(id, hit);
      }}
      options={hits.map((h) => ({
        value: h.id,
        disabled: h.status === 'archived',
        title: `${h.code} ${h.name}`,
        label: (
          <span data-testid="customer-option">
            <span style={{ color: '#8c8c8c', marginRight: 8 }}>{h.code}</span>
            {h.name} <Tag color={h.abcClass === 'A' ? 'red' : h.abcClass === 'B' ? 'blue' : 'default'}>{t(`enums.abcClass.${h.abcClass}`)}</Tag>
            {h.status === 'archived' && <Tag>{t('enums.status.archived')}</Tag>}
          </span>
        ),
      }))}
    />
  );
}
