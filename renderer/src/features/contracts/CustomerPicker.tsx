import { useRef, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';

interface Props {
  value?: number;
  onChange?: (id: number) => void;
  /** What to show for the current value before anything was searched (e.g. "KH00012 杭州鑫源贸易"). */
  initialLabel?: string;
  disabled?: boolean;
  id?: string;
}

/**
 * Picks a customer by typing part of its name, code or phone: the backend searches (the archive is far too large
 * to list), and only customers this user may see come back. Archived customers are offered but cannot be chosen.
 */
export function CustomerPicker({ value, onChange, initialLabel, disabled, id }: Props) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<{ value: number; label: string; disabled: boolean }[]>(
    value !== undefined && initialLabel ? [{ value, label: initialLabel, disabled: false }] : [],
  );
  const [searching, setSearching] = useState(false);
  const latest = useRef('');

  const search = (text: string) => {
    latest.current = text;
    if (!text.trim()) return;
    setSearching(true);
    call('customers.search', { text: text.trim(), limit: 20 })
      .then((hits) => {
        if (latest.current !== text) return;
        setOptions(
          hits.map((h) => ({
            value: h.id,
            label: `${h.code} ${h.name}${h.status === 'archived' ? `（${t('enums.status.archived')}）` : ''}`,
            disabled: h.status === 'archived',
          })),
        );
      })
      .catch(() => setOptions([]))
      .finally(() => setSearching(false));
  };

  return (
    <Select
      id={id}
      showSearch
      value={value}
      disabled={disabled}
      filterOption={false}
      onSearch={search}
      onChange={(v: number) => onChange?.(v)}
      options={options}
      loading={searching}
      placeholder={t('contracts.pickCustomer')}
      notFoundContent={null}
    />
  );
}
