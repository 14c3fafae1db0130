import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../shell/RequirePermission';
import { SchedulesPage } from './SchedulesPage';

/** 定时导出 is the admin's, like the export targets its files go to. */
export const scheduleRoutes: RouteObject[] = [
  {
    path: 'exports/schedules',
    element: (
      <RequirePermission permission="delivery.manage">
        <SchedulesPage />
      </RequirePermission>
    ),
  },
];
