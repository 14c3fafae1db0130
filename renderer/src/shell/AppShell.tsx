import { useState } from 'react';
import { Avatar, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import {
  BarChartOutlined,
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
  CalendarOutlined,
  FileSearchOutlined,
  FileProtectOutlined,
  FileDoneOutlined,
  ImportOutlined,
  HistoryOutlined,
} from '@ant-design/icons';
import { AlertOutlined, ContactsOutlined, PieChartOutlined, ScheduleOutlined, SolutionOutlined } from '@ant-design/icons';
import { CommentOutlined } from '@ant-design/icons';
import { CloudServerOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { FolderOpenOutlined, SendOutlined } from '@ant-design/icons';
import { FieldTimeOutlined } from '@ant-design/icons';
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

  const customers: NavItem[] = [
    { key: '/customers', icon: <UnorderedListOutlined />, label: t('nav.customerList'), permission: 'customers.read' },
    { key: '/customers/resource-stats', icon: <BarChartOutlined />, label: t('resourceStats.nav'), permission: 'customers.read' },
    { key: '/contracts', icon: <FileDoneOutlined />, label: t('contracts.title'), permission: 'customers.read' },
    { key: '/contact-list', icon: <ContactsOutlined />, label: t('visits.nav.contactList'), permission: 'customers.read' },
    { key: '/visits', icon: <SolutionOutlined />, label: t('visits.nav.visits'), permission: 'customers.read' },
    { key: '/complaints', icon: <CommentOutlined />, label: t('complaints.nav'), permission: 'customers.read' },
    { key: '/visit-plans', icon: <ScheduleOutlined />, label: t('visits.nav.plans'), permission: 'customers.read' },
    { key: '/overdue-contacts', icon: <AlertOutlined />, label: t('visits.nav.overdue'), permission: 'customers.read' },
    { key: '/class-distribution', icon: <PieChartOutlined />, label: t('visits.nav.classReport'), permission: 'customers.read' },
    { key: '/imports/customers', icon: <ImportOutlined />, label: t('imports.title'), permission: 'customers.write' },
    { key: '/imports/log', icon: <HistoryOutlined />, label: t('imports.logTitle'), permission: 'customers.write' },
    { key: '/access/requests', icon: <FileSearchOutlined />, label: t('access.nav.requests'), permission: 'customers.requestAccess' },
    { key: '/access/approvals', icon: <FileProtectOutlined />, label: t('access.nav.approvals'), permission: 'customers.approveAccess' },
  ];
  // 导出与备份 (platform.md's navigation): backups; the delivery pages (targets, outbox) belong here too.
  const exportsAndBackups: NavItem[] = [
    { key: '/exports/jobs', icon: <SendOutlined />, label: t('delivery.nav.jobs'), permission: 'dashboard.view' },
    { key: '/exports/targets', icon: <FolderOpenOutlined />, label: t('delivery.nav.targets'), permission: 'delivery.manage' },
    { key: '/exports/schedules', icon: <FieldTimeOutlined />, label: t('schedules.nav'), permission: 'delivery.manage' },
    { key: '/backups', icon: <SafetyCertificateOutlined />, label: t('backups.nav'), permission: 'backups.manage' },
  ];
  const system: NavItem[] = [
    { key: '/system/users', icon: <UserOutlined />, label: t('nav.users'), permission: 'users.manage' },
    { key: '/system/staff', icon: <IdcardOutlined />, label: t('nav.staff'), permission: 'staff.read' },
    { key: '/system/code-lists', icon: <SettingOutlined />, label: t('nav.codeLists'), permission: 'codeLists.manage' },
    { key: '/system/audit', icon: <AuditOutlined />, label: t('nav.audit'), permission: 'audit.read' },
    { key: '/system/settings', icon: <ToolOutlined />, label: t('nav.settings'), permission: 'system.settings' },
    { key: '/system/calendar', icon: <CalendarOutlined />, label: t('calendar.nav'), permission: 'calendar.manage' },
  ];
  const allowed = (items: NavItem[]) => items.filter((i) => can(i.permission)).map(({ key, icon, label }) => ({ key, icon, label }));
  const items = [
    { key: '/', icon: <DashboardOutlined />, label: t('nav.dashboard') },
    ...(allowed(customers).length ? [{ key: 'customers', icon: <TeamOutlined />, label: t('nav.customers'), children: allowed(customers) }] : []),
    ...(allowed(exportsAndBackups).length ? [{ key: 'exports', icon: <CloudServerOutlined />, label: t('backups.group'), children: allowed(exportsAndBackups) }] : []),
    ...(allowed(system).length ? [{ key: 'system', icon: <SettingOutlined />, label: t('nav.system'), children: allowed(system) }] : []),
  ];
  // The longest entry that the path starts with: /customers/resource-stats selects its own entry, not 客户台账.
  const selected =
    [...customers, ...exportsAndBackups, ...system]
      .map((i) => i.key)
      .filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`))
      .sort((a, b) => b.length - a.length)[0] ?? '/';

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
          defaultOpenKeys={['customers', 'exports', 'system']}
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
