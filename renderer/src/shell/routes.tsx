import { createHashRouter } from 'react-router';
import { AppShell } from './AppShell';
import { RequirePermission } from './RequirePermission';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { CustomerDetailPage } from '../features/customers/CustomerDetailPage';
import { ResourceStatsPage } from '../features/customers/ResourceStatsPage';
import { UsersPage } from '../features/admin/UsersPage';
import { StaffPage } from '../features/admin/StaffPage';
import { CodeListsPage } from '../features/admin/CodeListsPage';
import { AuditPage } from '../features/admin/AuditPage';
import { SettingsPage } from '../features/admin/SettingsPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { PrintRoute } from '../print/PrintRoute';
import { AccessRequestsPage } from '../features/access/AccessRequestsPage';
import { ApprovalsPage } from '../features/access/ApprovalsPage';
import { GrantedCustomerPage } from '../features/access/GrantedCustomerPage';
import { ContractsPage } from '../features/contracts/ContractsPage';
import { ImportPage } from '../features/imports/ImportPage';
import { ImportLogPage } from '../features/imports/ImportLogPage';
import { visitRoutes } from '../features/visits/routes';
import { complaintRoutes } from '../features/complaints/routes';
import { BackupsPage } from '../features/backups/BackupsPage';
import { deliveryRoutes } from '../features/delivery/routes';
import { scheduleRoutes } from '../features/schedules/routes';

/** Hash routes: the app is loaded from app:// (Electron) or a loopback host, never a server that rewrites paths. */
export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <AppShell />,
      children: [
        { index: true, element: <DashboardPage /> },
        { path: 'customers', element: <RequirePermission permission="customers.read"><CustomersPage /></RequirePermission> },
        { path: 'customers/resource-stats', element: <RequirePermission permission="customers.read"><ResourceStatsPage /></RequirePermission> },
        { path: 'customers/:id', element: <RequirePermission permission="customers.read"><CustomerDetailPage /></RequirePermission> },
        { path: 'contracts', element: <RequirePermission permission="customers.read"><ContractsPage /></RequirePermission> },
        ...visitRoutes,
        ...complaintRoutes,
        { path: 'imports/customers', element: <RequirePermission permission="customers.write"><ImportPage /></RequirePermission> },
        { path: 'imports/log', element: <RequirePermission permission="customers.write"><ImportLogPage /></RequirePermission> },
        { path: 'system/users', element: <RequirePermission permission="users.manage"><UsersPage /></RequirePermission> },
        { path: 'system/staff', element: <RequirePermission permission="staff.read"><StaffPage /></RequirePermission> },
        { path: 'system/code-lists', element: <RequirePermission permission="codeLists.manage"><CodeListsPage /></RequirePermission> },
        { path: 'system/audit', element: <RequirePermission permission="audit.read"><AuditPage /></RequirePermission> },
        { path: 'system/settings', element: <RequirePermission permission="system.settings"><SettingsPage /></RequirePermission> },
        { path: 'system/calendar', element: <RequirePermission permission="calendar.manage"><CalendarPage /></RequirePermission> },
        { path: 'backups', element: <RequirePermission permission="backups.manage"><BackupsPage /></RequirePermission> },
        ...deliveryRoutes,
        ...scheduleRoutes,
        { path: 'access/requests', element: <RequirePermission permission="customers.requestAccess"><AccessRequestsPage /></RequirePermission> },
        { path: 'access/requests/customer/:id', element: <RequirePermission permission="customers.requestAccess"><GrantedCustomerPage /></RequirePermission> },
        { path: 'access/approvals', element: <RequirePermission permission="customers.approveAccess"><ApprovalsPage /></RequirePermission> },
      ],
    },
    // Printed sheets stand alone, without the app's frame (see renderer/src/print/README.md).
    { path: '/print/:sheet/:id', element: <PrintRoute /> },
  ]);
}
