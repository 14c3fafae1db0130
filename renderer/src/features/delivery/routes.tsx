import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../shell/RequirePermission';
import { JobsPage } from './JobsPage';
import { TargetsPage } from './TargetsPage';

/**
 * 导出任务 is the office's one outbox: every signed-in user sees it (dashboard.view is everyone's). 导出目标 is
 * the admin's.
 */
export const deliveryRoutes: RouteObject[] = [
  { path: 'exports/jobs', element: <RequirePermission permission="dashboard.view"><JobsPage /></RequirePermission> },
  { path: 'exports/targets', element: <RequirePermission permission="delivery.manage"><TargetsPage /></RequirePermission> },
];
