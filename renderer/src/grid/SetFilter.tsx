import { useCallback, useMemo, useState } from 'react';
import { Checkbox, Input } from 'antd';
import { useGridFilter, type CustomFilterProps } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import type { SetCondition } from '@shared/grid';

export interface SetFilterParams {
  values: { value: string; label: string }[];
}

/**
 * A set filter (pick values from a list) for AG Grid Community, which only ships one in Enterprise. The
 * grid's rows come from the backend, so this only edits the model; filtering happens in SQL.
 */
export function SetFilter(props: CustomFilterProps<unknown, unknown, SetCondition> & SetFilterParams) {
  const { t } = useTranslation();
  const { model, onModelChange, values } = props;
  const [search, setSearch] = useState('');
  const doesFilterPass = useCallback(() => true, []);
  useGridFilter({ doesFilterPass });

  const selected = useMemo(() => new Set(model ? model.values : values.map((v) => v.value)), [model, values]);
  const shown = values.filter((v) => !search || v.label.includes(search) || v.value.includes(search));
  const update = (next: Set<string>) =>
    onModelChange(next.size === values.length ? null : { filterType: 'set', values: values.map((v) => v.value).filter((v) => next.has(v)) });

  return (
    <div className="set-filter" data-testid="set-filter">
      {values.length > 8 && <Input size="small" placeholder={t('grid.setFilterSearch')} value={search} onChange={(e) => setSearch(e.target.value)} />}
      <Checkbox
        checked={selected.size === values.length}
        indeterminate={selected.size > 0 && selected.size < values.length}
        onChange={(e) => update(e.target.checked ? new Set(values.map((v) => v.value)) : new Set())}
      >
        {t('grid.selectAll')}
      </Checkbox>
      <div className="set-filter-values">
        {shown.map((v) => (
          <Checkbox
            key={v.value}
            checked={selected.has(v.value)}
            onChange={(e) => {
              const next = new Set(selected);
              if (e.target.checked) next.add(v.value);
              else next.delete(v.value);
              update(next);
            }}
          >
            {v.label}
          </Checkbox>
        ))}
      </div>
    </div>
  );
}
