import { useMemo, useState } from 'react';
import { App, Button, Space, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { ContactRecord } from '@shared/schemas/customer';
import { call } from '../../api/client';
import { gridLocaleText, gridTheme } from '../../grid/agGrid';
import { ContactModal } from './ContactModal';
import { ReasonModal } from './ReasonModal';

/** A customer's contacts: a handful of rows, so the grid holds them all; edits go through the backend. */
export function ContactsPanel({ customerId, contacts, editable, onChanged }: { customerId: number; contacts: ContactRecord[]; editable: boolean; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<ContactRecord | 'new' | null>(null);
  const [removing, setRemoving] = useState<ContactRecord | null>(null);

  const columns = useMemo<ColDef<ContactRecord>[]>(
    () => [
      {
        field: 'name',
        headerName: t('contacts.fields.name'),
        width: 140,
        cellRenderer: (p: { data?: ContactRecord }) => (
          <span>
            {p.data?.name} {p.data?.isKeyLeader && <Tag color="gold">{t('contacts.keyLeader')}</Tag>}
          </span>
        ),
      },
      { field: 'title', headerName: t('contacts.fields.title'), width: 140 },
      { field: 'mobile', headerName: t('contacts.fields.mobile'), width: 140 },
      { field: 'directLine', headerName: t('contacts.fields.directLine'), width: 150 },
      { field: 'email', headerName: t('contacts.fields.email'), width: 190 },
      { field: 'notes', headerName: t('contacts.fields.notes'), flex: 1, minWidth: 160 },
      ...(editable
        ? [
            {
              headerName: t('common.actions'),
              width: 120,
              sortable: false,
              cellRenderer: (p: { data?: ContactRecord }) => (
                <Space size={0}>
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(p.data!)} aria-label={t('common.edit')} />
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => setRemoving(p.data!)} aria-label={t('contacts.remove')} />
                </Space>
              ),
            } satisfies ColDef<ContactRecord>,
          ]
        : []),
    ],
    [t, editable],
  );

  return (
    <div data-testid="contacts">
      {editable && (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 8 }} data-testid="add-contact">
          {t('contacts.add')}
        </Button>
      )}
      <AgGridReact<ContactRecord>
        theme={gridTheme}
        localeText={gridLocaleText(i18n.language)}
        rowData={contacts}
        columnDefs={columns}
        domLayout="autoHeight"
        getRowId={(p) => String(p.data.id)}
        overlayNoRowsTemplate={`<span>${t('contacts.none')}</span>`}
      />
      {editing && (
        <ContactModal
          customerId={customerId}
          contact={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('common.saved'));
            onChanged();
          }}
        />
      )}
      {removing && (
        <ReasonModal
          title={t('contacts.removeTitle', { name: removing.name })}
          reasonLabel={t('contacts.removeReason')}
          maxLength={200}
          okText={t('contacts.remove')}
          danger
          onClose={() => setRemoving(null)}
          onSubmit={async (reason, receivedOn) => {
            await call('contacts.remove', { id: removing.id, reason, receivedOn });
            void message.success(t('contacts.removed'));
            onChanged();
          }}
        />
      )}
    </div>
  );
}
