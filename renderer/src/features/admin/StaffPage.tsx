import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Switch } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { staffFields, type StaffRecord } from '@shared/schemas/admin';
import { call } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';
import { formKeyHandler } from '../../forms/keyboard';
import { blankToNull } from '../../forms/fieldValues';
import { ServerGrid, type ServerGridHandle } from '../../grid/ServerGrid';
import { GridPage } from '../../grid/GridPage';
import { enumValues, numberColumn, setColumn, textColumn } from '../../grid/columns';

type StaffValues = { employeeNo: string; name: string; department: string | null; position: string | null; phone: string | null; active: boolean };

function StaffForm({ staff, onClose, onSaved }: { staff?: StaffRecord; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StaffValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    let v: StaffValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const values = { ...v, department: blankToNull(v.department) as string | null, position: blankToNull(v.position) as string | null, phone: blankToNull(v.phone) as string | null };
    setBusy(true);
    try {
      if (staff) await call('staff.update', { id: staff.id, changes: values });
      else await call('staff.create', { staff: values });
      onSaved();
    } catch (err) {
      if (!applyFieldErrors(form, err, t, ['staff.', 'changes.'])) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const item = (name: keyof typeof staffFields, required = false) => (
    <Form.Item name={name} label={t(`staff.fields.${name}`)} rules={[zodRule(staffFields[name], t)]} required={required}>
      <Input />
    </Form.Item>
  );
  return (
    <Modal open title={staff ? t('staff.edit') : t('staff.new')} okText={t('common.save')} confirmLoading={busy} onOk={() => void save()} onCancel={onClose} maskClosable={false} destroyOnHidden>
      <div onKeyDown={formKeyHandler(() => void save())}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={staff ?? { active: true, department: '市场营销部', position: '客户经理' }} validateTrigger={['onChange', 'onBlur']}>
          {item('employeeNo', true)}
          {item('name', true)}
          {item('department')}
          {item('position')}
          {item('phone')}
          <Form.Item name="active" label={t('staff.fields.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

/** 员工: the staff members customers are assigned to (客户经理). Grading (三级九档) will extend this record. */
export function StaffPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const grid = useRef<ServerGridHandle | null>(null);
  const [search, setSearch] = useState('');
  const [count, setCount] = useState<number | null>(null);
  const [editing, setEditing] = useState<StaffRecord | 'new' | null>(null);
  const manage = can('staff.manage');
  const columns = useMemo<ColDef<StaffRecord>[]>(
    () => [
      textColumn('employeeNo', t('staff.fields.employeeNo'), { width: 120 }),
      textColumn('name', t('staff.fields.name'), { width: 110 }),
      textColumn('department', t('staff.fields.department'), { width: 140 }),
      textColumn('position', t('staff.fields.position'), { width: 120 }),
      textColumn('phone', t('staff.fields.phone'), { width: 140 }),
      setColumn('active', t('staff.fields.active'), enumValues(t, 'bool', ['true', 'false']), { width: 90 }),
      numberColumn('customerCount', t('staff.fields.customerCount'), { width: 130 }),
      ...(manage
        ? [
            {
              headerName: t('common.actions'),
              width: 100,
              sortable: false,
              cellRenderer: (p: { data?: StaffRecord }) => (
                <Button type="link" size="small" onClick={() => setEditing(p.data!)}>
                  {t('common.edit')}
                </Button>
              ),
            },
          ]
        : []),
    ],
    [t, manage],
  );
  return (
    <>
      <GridPage
        title={t('staff.title')}
        actions={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('staff.new')}
            </Button>
          )
        }
        onSearch={setSearch}
        rowCount={count}
      >
        <ServerGrid<StaffRecord> gridKey="grid.staff" channel="staff.query" columnDefs={columns} quickSearch={search} onRowCountChange={setCount} handleRef={grid} />
      </GridPage>
      {editing && (
        <StaffForm
          staff={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('common.saved'));
            grid.current?.refresh();
          }}
        />
      )}
    </>
  );
}
