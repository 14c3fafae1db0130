import { useMemo, useRef, useState } from 'react';
import { App, Button, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { ROLES } from '@shared/permissions';
import type { UserRow } from '@shared/schemas/auth';
import { call } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { ServerGrid, type ServerGridHandle } from '../../grid/ServerGrid';
import { GridPage } from '../../grid/GridPage';
import { dateColumn, enumValues, setColumn, textColumn } from '../../grid/columns';
import { UserForm } from './UserForm';
import { ResetPasswordModal } from './ResetPasswordModal';

/** 用户管理: accounts, roles, the project-staff flag, password resets, deactivation. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const grid = useRef<ServerGridHandle | null>(null);
  const [search, setSearch] = useState('');
  const [count, setCount] = useState<number | null>(null);
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      void message.success(done);
      grid.current?.refresh();
    } catch (err) {
      void message.error(errorText(err, t));
    }
  };

  const columns = useMemo<ColDef<UserRow>[]>(
    () => [
      textColumn('username', t('users.fields.username'), { width: 130 }),
      textColumn('displayName', t('users.fields.displayName'), { width: 110 }),
      setColumn('roles', t('users.fields.roles'), ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })), {
        width: 200,
        cellRenderer: (p: { value?: string[] }) => (p.value ?? []).map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>),
      }),
      setColumn('projectStaff', t('users.fields.projectStaff'), enumValues(t, 'bool', ['true', 'false']), { width: 110 }),
      setColumn('active', t('users.fields.active'), enumValues(t, 'bool', ['true', 'false']), { width: 90 }),
      dateColumn('lastLoginAt', t('users.fields.lastLoginAt'), 'instant', { width: 150 }),
      dateColumn('createdAt', t('users.fields.createdAt'), 'instant', { width: 150 }),
      {
        headerName: t('common.actions'),
        sortable: false,
        minWidth: 320,
        flex: 1,
        cellRenderer: (p: { data?: UserRow }) =>
          p.data ? (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => setEditing(p.data!)}>
                {t('common.edit')}
              </Button>
              <Button type="link" size="small" onClick={() => setResetting(p.data!)}>
                {t('users.resetPassword')}
              </Button>
              {p.data.lockedUntil && new Date(p.data.lockedUntil) > new Date() && (
                <Button type="link" size="small" onClick={() => void act(() => call('users.unlock', { id: p.data!.id }), t('users.unlocked'))}>
                  {t('users.unlock')}
                </Button>
              )}
              <Button
                type="link"
                size="small"
                danger={p.data.active}
                onClick={() => void act(() => call('users.update', { id: p.data!.id, active: !p.data!.active }), t('common.saved'))}
              >
                {p.data.active ? t('users.deactivate') : t('users.activate')}
              </Button>
            </Space>
          ) : null,
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t],
  );

  return (
    <>
      <GridPage
        title={t('users.title')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-user">
            {t('users.new')}
          </Button>
        }
        onSearch={setSearch}
        rowCount={count}
      >
        <ServerGrid<UserRow> gridKey="grid.users" channel="users.query" columnDefs={columns} quickSearch={search} onRowCountChange={setCount} handleRef={grid} testId="user-grid" />
      </GridPage>
      {editing && (
        <UserForm
          user={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            grid.current?.refresh();
          }}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
