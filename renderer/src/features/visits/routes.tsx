import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../shell/RequirePermission';
import { VisitsPage } from './VisitsPage';
import { PlansPage } from './PlansPage';
import { OverduePage } from './OverduePage';
import { ClassReportPage } from './ClassReportPage';
import { ContactListPage } from './ContactListPage';

/** The visits area's pages (shell/routes.tsx spreads them into the app frame). */
export const visitRoutes: RouteObject[] = [
  { path: 'visits', element: <RequirePermission permission="customers.read"><VisitsPage /></RequirePermission> },
  { path: 'visit-plans', element: <RequirePermission permission="customers.read"><PlansPage /></RequirePermission> },
  { path: 'overdue-contacts', element: <RequirePermission permission="customers.read"><OverduePage /></RequirePermission> },
  { path: 'class-distribution', element: <RequirePermission permission="customers.read"><ClassReportPage /></RequirePermission> },
  { path: 'contact-list', element: <RequirePermission permission="customers.read"><ContactListPage /></RequirePermission> },
];
