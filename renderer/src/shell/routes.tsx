import { createHashRouter } from 'react-router';
import { AppShell } from './AppShell';
import { RequirePermission } from './RequirePermission';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { CustomerDetailPage } from '../features/customers/CustomerDetailPage';
import { UsersPage } from '../features/admin/UsersPage';
import { StaffPage } from '../features/admin/StaffPage';
import { CodeListsPage } from '../features/admin/CodeListsPage';
import { AuditPage } from '../features/admin/AuditPage';
import { SettingsPage } from '../features/admin/SettingsPage';

/** Hash routes: the app is loaded from app:// (Electron) or a loopback host, never a server that rewrites paths. */
export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <AppShell />,
      children: [
        { index: true, element: <DashboardPage /> },
        { path: 'customers', element: <RequirePermission permission="customers.read"><CustomersPage /></RequirePermission> },
        { path: 'customers/:id', element: <RequirePermission permission="customers.read"><CustomerDetailPage /></RequirePermission> },
        { path: 'system/users', element: <RequirePermission permission="users.manage"><UsersPage /></RequirePermission> },
        { path: 'system/staff', element: <RequirePermission permission="staff.read"><StaffPage /></RequirePermission> },
        { path: 'system/code-lists', element: <RequirePermission permission="codeLists.manage"><CodeListsPage /></RequirePermission> },
        { path: 'system/audit', element: <RequirePermission permission="audit.read"><AuditPage /></RequirePermission> },
        { path: 'system/settings', element: <RequirePermission permission="system.settings"><SettingsPage /></RequirePermission> },
      ],
    },
  ]);
}
