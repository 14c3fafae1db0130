import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Input, Tag } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '@shared/schemas/customer';
import { call } from '../api/client';

/** The header's search box: customers by name, code, phone or address, as the user types. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const seq = useRef(0);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setHits([]);
      return;
    }
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      call('customers.search', { text: q.slice(0, 50), limit: 10 })
        .then((rows) => mine === seq.current && setHits(rows))
        .catch(() => mine === seq.current && setHits([]));
    }, 200);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <AutoComplete
      value={text}
      onChange={setText}
      style={{ width: 360 }}
      popupMatchSelectWidth={440}
      onSelect={(value: string) => {
        setText('');
        void navigate(`/customers/${value}`);
      }}
      options={hits.map((h) => ({
        value: String(h.id),
        label: (
          <div className="search-hit" data-testid="search-hit">
            <span className="search-hit-code">{h.code}</span>
            <span className="search-hit-name">{h.name}</span>
            <Tag color={h.abcClass === 'A' ? 'red' : h.abcClass === 'B' ? 'blue' : 'default'}>{t(`enums.abcClass.${h.abcClass}`)}</Tag>
            {h.status === 'archived' && <Tag>{t('enums.status.archived')}</Tag>}
          </div>
        ),
      }))}
    >
      <Input prefix={<SearchOutlined />} placeholder={t('customers.quickSearch')} allowClear aria-label={t('common.search')} />
    </AutoComplete>
  );
}
