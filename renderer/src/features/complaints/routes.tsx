import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../shell/RequirePermission';
import { ComplaintsPage } from './ComplaintsPage';
import { SatisfactionPage } from './SatisfactionPage';
import { ComplaintStatsPage } from './ComplaintStatsPage';
import { ComplaintDetailPage } from './ComplaintDetailPage';

/** The complaints area's pages (shell/routes.tsx spreads them into the app frame). */
export const complaintRoutes: RouteObject[] = [
  {
    path: 'complaints',
    element: (
      <RequirePermission permission="customers.read">
        <ComplaintsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'complaints/satisfaction',
    element: (
      <RequirePermission permission="customers.read">
        <SatisfactionPage />
      </RequirePermission>
    ),
  },
  {
    path: 'complaints/statistics',
    element: (
      <RequirePermission permission="customers.read">
        <ComplaintStatsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'complaints/:id',
    element: (
      <RequirePermission permission="customers.read">
        <ComplaintDetailPage />
      </RequirePermission>
    ),
  },
];
