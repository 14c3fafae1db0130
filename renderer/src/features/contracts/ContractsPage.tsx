import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Segmented } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter } from '@shared/grid';
import { contractGridColumns } from '@shared/grids/contracts';
import type { ContractGridRow, ContractSummary } from '@shared/schemas/contract';
import { call, onEvent } from '../../api/client';
import { RegisterPage } from '../../grid/RegisterPage';
import { useAuth } from '../../auth/AuthContext';
import { contractColumns } from './contractColumns';
import { ContractDrawer } from './ContractDrawer';
import { ContractForm } from './ContractForm';
import './contracts.css';

const VIEWS = ['all', 'expiring', 'awaitingApproval', 'drafts'] as const;
type View = (typeof VIEWS)[number];
const EXPORTABLE = Object.keys(contractGridColumns);

const set = (...values: string[]): ColumnFilter => ({ filterType: 'set', values });
/** Each quick view is a fixed filter on whitelisted columns, so the export of the view is the same rows. */
const VIEW_FILTER: Record<View, Record<string, ColumnFilter>> = {
  all: {},
  expiring: { expiring: set('true') },
  awaitingApproval: { status: set('draft'), isSpecial: set('true'), specialApproved: set('false') },
  drafts: { status: set('draft') },
};

/** 合同台账: every contract the user may see, with quick views (即将到期 …), filters and the register export. */
export function ContractsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [summary, setSummary] = useState<ContractSummary | null>(null);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const view: View = (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'all';

  useEffect(() => {
    const load = () => void call('contracts.summary', {}).then(setSummary).catch(() => undefined);
    load();
    return onEvent('data.changed', (e) => e.entity === 'contract' && load());
  }, []);

  const columnDefs = useMemo(() => contractColumns(t, { withCustomer: true }), [t]);
  const count = (v: View) => (v === 'expiring' ? summary?.expiring : v === 'awaitingApproval' ? summary?.awaitingApproval : v === 'drafts' ? summary?.drafts : undefined);

  return (
    <>
      <RegisterPage<ContractGridRow>
        title={t('contracts.title')}
        help={t('contracts.help.retention')}
        actions={
          can('customers.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-contract">
              {t('contracts.new')}
            </Button>
          )
        }
        searchPlaceholder={t('contracts.quickSearch')}
        filters={
          <Segmented<View>
            value={view}
            data-testid="contract-views"
            onChange={(v) => setParams(v === 'all' ? {} : { view: v }, { replace: true })}
            options={VIEWS.map((v) => ({
              value: v,
              label: (
                <span>
                  {t(`contracts.views.${v}`, { days: summary?.expiringDays ?? 30 })}
                  {count(v) ? <Badge count={count(v)} size="small" offset={[4, -2]} color={v === 'expiring' ? '#d46b08' : undefined} /> : null}
                </span>
              ),
            }))}
          />
        }
        grid={{
          gridKey: 'grid.contracts',
          channel: 'contracts.query',
          columnDefs,
          fixedFilter: VIEW_FILTER[view],
          refreshOn: 'contract',
          onRowDoubleClicked: (row) => setOpen(row.id),
          testId: 'contract-grid',
        }}
        exportTo={{ channel: 'contracts.export', columns: EXPORTABLE }}
      />
      {creating && (
        <ContractForm
          mode={{ kind: 'create' }}
          onClose={() => setCreating(false)}
          onSaved={(d) => {
            setCreating(false);
            setOpen(d.contract.id);
          }}
        />
      )}
      {open !== null && <ContractDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}
