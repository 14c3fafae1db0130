import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '@shared/schemas/customer';
import { call } from '../../api/client';

/**
 * Picks a customer by typing part of the name or code (the same search as the global search box). Archived
 * customers are listed but cannot be chosen: no new complaints for them.
 */
export function CustomerPicker({
  value,
  onChange,
  id,
}: {
  value?: number;
  onChange?: (id: number) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef('');

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const search = (text: string) => {
    latest.current = text.trim();
    if (timer.current) clearTimeout(timer.current);
    if (!latest.current) return;
    timer.current = setTimeout(() => {
      const asked = latest.current;
      setLoading(true);
      call('customers.search', { text: asked, limit: 20 })
        .then((rows) => asked === latest.current && setHits(rows))
        .catch(() => undefined)
        .finally(() => setLoading(false));
    }, 250);
  };

  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={loading}
      placeholder={t('complaints.dialogs.customerSearch')}
      notFoundContent={null}
      options={hits.map((h) => ({
        value: h.id,
        label: `${h.code} ${h.name}${h.status === 'archived' ? `（${t('enums.status.archived')}）` : ''}`,
        disabled: h.status === 'archived',
      }))}
      data-testid="complaint-customer"
    />
  );
}
