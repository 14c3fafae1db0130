import { ABC_CLASSES } from '@shared/schemas/customer';
import { handlers } from '../registry';
import { gridPage } from '../grid/page';
import { visibleCustomers } from '../customers/visibility';
import { contactListGrid } from './grids';
import { exportContactList } from './exports';

export const reportHandlers = handlers({
  /** 客户等级分布: customers on file by class, overall (or one manager's) and per manager, visible ones only. */
  'reports.classDistribution': async (input, ctx) => {
    const visible = visibleCustomers(ctx.session);
    const rows = await ctx.db.all<{ staffId: number; staffName: string; employeeNo: string; A: number; B: number; C: number; total: number }>(
      `SELECT s.id AS staffId, s.name AS staffName, s.employee_no AS employeeNo,
         sum(c.abc_class = 'A') AS A, sum(c.abc_class = 'B') AS B, sum(c.abc_class = 'C') AS C, count(*) AS total
       FROM customers c JOIN staff s ON s.id = c.manager_staff_id
       WHERE c.status = 'active' AND ${visible.sql}
       GROUP BY s.id ORDER BY s.employee_no, s.id`,
      visible.params,
    );
    const counted = input.staffId === undefined ? rows : rows.filter((r) => r.staffId === input.staffId);
    return {
      byClass: ABC_CLASSES.map((abcClass) => ({ abcClass, count: counted.reduce((n, r) => n + r[abcClass], 0) })),
      byStaff: rows,
    };
  },

  'contactList.query': async (input, ctx) =>
    gridPage(ctx.db, contactListGrid, input, [{ sql: 'ct.removed_at IS NULL', params: [] }, visibleCustomers(ctx.session)]),

  'contactList.export': async (input, ctx) => exportContactList(input, ctx),
});
