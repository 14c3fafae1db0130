import { useState } from 'react';
import { Avatar, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import {
  AuditOutlined,
  DashboardOutlined,
  KeyOutlined,
  LogoutOutlined,
  SettingOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
  IdcardOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@shared/permissions';
import { useAuth } from '../auth/AuthContext';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { GlobalSearch } from './GlobalSearch';
import { LanguageSwitch } from './LanguageSwitch';

interface NavItem {
  key: string;
  icon: React.ReactNode;
  label: string;
  permission: Permission;
}

/** The app's frame: left navigation by area (only areas that exist), search, user menu. */
export function AppShell() {
  const { t } = useTranslation();
  const { user, can, logout, refresh } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [changingPassword, setChangingPassword] = useState(false);

  const customers: NavItem[] = [{ key: '/customers', icon: <UnorderedListOutlined />, label: t('nav.customerList'), permission: 'customers.read' }];
  const system: NavItem[] = [
    { key: '/system/users', icon: <UserOutlined />, label: t('nav.users'), permission: 'users.manage' },
    { key: '/system/staff', icon: <IdcardOutlined />, label: t('nav.staff'), permission: 'staff.read' },
    { key: '/system/code-lists', icon: <SettingOutlined />, label: t('nav.codeLists'), permission: 'codeLists.manage' },
    { key: '/system/audit', icon: <AuditOutlined />, label: t('nav.audit'), permission: 'audit.read' },
    { key: '/system/settings', icon: <ToolOutlined />, label: t('nav.settings'), permission: 'system.settings' },
  ];
  const allowed = (items: NavItem[]) => items.filter((i) => can(i.permission)).map(({ key, icon, label }) => ({ key, icon, label }));
  const items = [
    { key: '/', icon: <DashboardOutlined />, label: t('nav.dashboard') },
    ...(allowed(customers).length ? [{ key: 'customers', icon: <TeamOutlined />, label: t('nav.customers'), children: allowed(customers) }] : []),
    ...(allowed(system).length ? [{ key: 'system', icon: <SettingOutlined />, label: t('nav.system'), children: allowed(system) }] : []),
  ];
  const selected = [...customers, ...system].map((i) => i.key).find((k) => location.pathname.startsWith(k)) ?? '/';

  return (
    <Layout className="app-layout">
      <Layout.Sider width={224} theme="light" className="app-sider">
        <div className="app-brand" onClick={() => void navigate('/')}>
          <div className="app-logo">内</div>
          <div>
            <div className="app-brand-name">{t('app.name')}</div>
            <div className="app-brand-dept">{t('app.department')}</div>
          </div>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={['customers', 'system']}
          items={items}
          onClick={({ key }) => void navigate(key)}
          data-testid="nav"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          {can('customers.read') ? <GlobalSearch /> : <span />}
          <Space size="middle">
            <LanguageSwitch />
            <Dropdown
              menu={{
                items: [
                  { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout') },
                ],
                onClick: ({ key }) => (key === 'logout' ? void logout() : setChangingPassword(true)),
              }}
            >
              <Space className="app-user" data-testid="user-menu">
                <Avatar size="small" style={{ background: '#1f5fbf' }}>
                  {user.displayName.slice(-2)}
                </Avatar>
                <Typography.Text>{user.displayName}</Typography.Text>
                {user.roles.map((r) => (
                  <Tag key={r} bordered={false}>
                    {t(`roles.${r}`)}
                  </Tag>
                ))}
                {user.projectStaff && <Tag color="red">{t('auth.projectStaff')}</Tag>}
              </Space>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
      <ChangePasswordModal
        open={changingPassword || user.mustChangePassword}
        forced={user.mustChangePassword}
        onCancel={() => setChangingPassword(false)}
        onDone={() => {
          setChangingPassword(false);
          void refresh();
        }}
      />
    </Layout>
  );
}
