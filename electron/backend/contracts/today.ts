import type { TodayItem } from '@shared/schemas/today';
import type { TodayProvider } from '../dashboard/today';
import { readSetting } from '../settings/store';
import { contractCounts } from './counts';
import { todayOf } from './rules';

/**
 * The dashboard's "today" lines for contracts: those ending within the expiring window (for whoever reads the
 * archive), and special contracts waiting for the department head's approval (for whoever may approve them).
 */
export const contractsToday: TodayProvider = async (ctx) => {
  if (!ctx.session.permissions.has('customers.read')) return [];
  const days = await readSetting(ctx.db, 'contracts.expiringDays');
  const counts = await contractCounts(ctx.db, ctx.session, todayOf(ctx), days);
  const items: TodayItem[] = [
    { id: 'contracts.expiring', text: 'contracts.today.expiring', params: { days }, count: counts.expiring, level: 'warning', route: '/contracts?view=expiring' },
  ];
  if (ctx.session.permissions.has('contracts.approveSpecial')) {
    items.push({
      id: 'contracts.awaitingApproval',
      text: 'contracts.today.awaitingApproval',
      params: {},
      count: counts.awaitingApproval,
      level: 'info',
      route: '/contracts?view=awaitingApproval',
    });
  }
  return items;
};
