import { useMemo, useState } from 'react';
import { Checkbox } from 'antd';
import type { ColDef } from 'ag-grid-community';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter } from '@shared/grid';
import { contactListColumns } from '@shared/grids/visits';
import { ABC_CLASSES, CUSTOMER_STATUSES } from '@shared/schemas/customer';
import type { ContactListRow } from '@shared/schemas/visits';
import { RegisterPage } from '../../grid/RegisterPage';
import { enumValues, setColumn, textColumn } from '../../grid/columns';
import { useStaff } from './useStaff';
import { StaffFilter } from './StaffFilter';

const EXPORTABLE = Object.keys(contactListColumns);

/** 客户联络一览表: every contact of every customer the user may see, one server-side grid, exportable. */
export function ContactListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const staff = useStaff();
  const [managerId, setManagerId] = useState<number | null>(null);
  const [keyOnly, setKeyOnly] = useState(false);

  const columns = useMemo<ColDef<ContactListRow>[]>(() => {
    const f = (id: string) => t(`visits.contactList.fields.${id}`);
    return [
      textColumn('customerCode', f('customerCode'), { width: 110, pinned: 'left' }),
      textColumn('customerName', f('customerName'), { width: 240, pinned: 'left' }),
      setColumn('abcClass', f('abcClass'), enumValues(t, 'abcClass', ABC_CLASSES), { width: 90 }),
      textColumn('name', f('name'), { width: 100 }),
      textColumn('title', f('title'), { width: 110 }),
      textColumn('mobile', f('mobile'), { width: 130 }),
      textColumn('directLine', f('directLine'), { width: 140 }),
      textColumn('email', f('email'), { width: 180 }),
      setColumn('isKeyLeader', f('isKeyLeader'), enumValues(t, 'bool', ['true', 'false']), { width: 100 }),
      textColumn('managerName', f('managerName'), { width: 100 }),
      setColumn('customerStatus', f('customerStatus'), enumValues(t, 'status', CUSTOMER_STATUSES), { width: 100 }),
      textColumn('notes', f('notes'), { flex: 1, minWidth: 160, hide: true }),
    ];
  }, [t]);

  const fixedFilter = useMemo(() => {
    const f: Record<string, ColumnFilter> = {};
    if (managerId !== null) f.managerStaffId = { filterType: 'set', values: [String(managerId)] };
    if (keyOnly) f.isKeyLeader = { filterType: 'set', values: ['true'] };
    return f;
  }, [managerId, keyOnly]);

  return (
    <RegisterPage<ContactListRow>
      title={t('visits.contactList.title')}
      help={t('visits.contactList.help')}
      searchPlaceholder={t('visits.contactList.quickSearch')}
      filters={
        <>
          <StaffFilter
            staff={staff}
            value={managerId}
            onChange={setManagerId}
            placeholder={t('visits.contactList.fields.managerName')}
            width={160}
            testId="contact-list-manager"
          />
          <Checkbox checked={keyOnly} onChange={(e) => setKeyOnly(e.target.checked)}>
            {t('visits.contactList.keyLeaderOnly')}
          </Checkbox>
        </>
      }
      grid={{
        gridKey: 'grid.contactList',
        channel: 'contactList.query',
        columnDefs: columns,
        fixedFilter,
        refreshOn: 'customer',
        onRowDoubleClicked: (row) => void navigate(`/customers/${row.customerId}`),
        testId: 'contact-list-grid',
      }}
      exportTo={{ channel: 'contactList.export', columns: EXPORTABLE }}
    />
  );
}
