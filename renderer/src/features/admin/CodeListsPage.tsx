import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Switch, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { CODE_LISTS, type CodeListName } from '@shared/schemas/customer';
import type { CodeListEntry } from '@shared/schemas/admin';
import { call } from '../../api/client';
import { useDrawerForm } from '../../forms/useDrawerForm';
import { FormDialog } from '../../forms/FormDialog';
import { gridLocaleText, gridTheme } from '../../grid/agGrid';
import { CodeListReviewCard } from './CodeListReviewCard';

/** 新增代码 / 编辑: one entry of a list; the code of an entry in use never changes. */
function EntryForm({ list, entry, onClose, onSaved }: { list: CodeListName; entry?: CodeListEntry; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, frame } = useDrawerForm<{ code: string; label: string; active: boolean; sortOrder: number | null }>({
    errorLine: 'unmarked',
    onClose,
    save: async (v) => {
      await call('codeLists.save', { id: entry?.id, list, code: v.code, label: v.label, active: v.active, sortOrder: v.sortOrder ?? 0 });
      onSaved();
    },
  });
  return (
    <FormDialog
      title={`${t(`enums.codeList.${list}`)} · ${entry ? t('common.edit') : t('codeLists.new')}`}
      width={520}
      okText={t('common.save')}
      frame={frame}
      onCancel={frame.close}
      testIds={{ save: 'save-code', form: 'code-form' }}
    >
      <Form form={form} layout="vertical" initialValues={entry ?? { active: true, sortOrder: 0 }}>
        <Form.Item name="code" label={t('codeLists.fields.code')} rules={[{ required: true, message: t('v.required') }, { pattern: /^[A-Za-z0-9_-]+$/, message: t('v.customerCode') }]}>
          <Input disabled={Boolean(entry)} maxLength={40} />
        </Form.Item>
        <Form.Item name="label" label={t('codeLists.fields.label')} rules={[{ required: true, whitespace: true, message: t('v.required') }, { max: 50, message: t('v.tooLong', { max: 50 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('codeLists.fields.sortOrder')}>
          <InputNumber min={0} max={9999} precision={0} />
        </Form.Item>
        <Form.Item name="active" label={t('codeLists.fields.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** 代码表: the admin-maintained lists customers refer to (region, business format, market type, market size). */
export function CodeListsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [entries, setEntries] = useState<CodeListEntry[]>([]);
  const [list, setList] = useState<CodeListName>('region');
  const [editing, setEditing] = useState<CodeListEntry | 'new' | null>(null);
  const load = useCallback(() => void call('codeLists.list', {}).then(setEntries), []);
  useEffect(load, [load]);

  const columns = useMemo<ColDef<CodeListEntry>[]>(
    () => [
      { field: 'code', headerName: t('codeLists.fields.code'), width: 160 },
      { field: 'label', headerName: t('codeLists.fields.label'), flex: 1 },
      { field: 'sortOrder', headerName: t('codeLists.fields.sortOrder'), width: 100 },
      { field: 'active', headerName: t('codeLists.fields.active'), width: 100, valueFormatter: (p) => t(`enums.bool.${String(p.value)}`) },
      {
        headerName: t('common.actions'),
        width: 100,
        cellRenderer: (p: { data?: CodeListEntry }) => (
          <Button type="link" size="small" onClick={() => setEditing(p.data!)}>
            {t('common.edit')}
          </Button>
        ),
      },
    ],
    [t],
  );

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('codeLists.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('codeLists.help')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('codeLists.new')}
        </Button>
      </div>
      <CodeListReviewCard />
      <Card size="small">
        <Tabs activeKey={list} onChange={(k) => setList(k as CodeListName)} items={CODE_LISTS.map((l) => ({ key: l, label: t(`enums.codeList.${l}`) }))} />
        <AgGridReact<CodeListEntry>
          theme={gridTheme}
          localeText={gridLocaleText(i18n.language)}
          rowData={entries.filter((e) => e.list === list)}
          columnDefs={columns}
          domLayout="autoHeight"
          getRowId={(p) => String(p.data.id)}
        />
      </Card>
      {editing && (
        <EntryForm
          list={list}
          entry={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('common.saved'));
            load();
          }}
        />
      )}
    </div>
  );
}
