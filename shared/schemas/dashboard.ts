import { z } from 'zod';
import { ABC_CLASSES } from './customer';

export const dashboardSummary = z.object({
  customers: z.object({
    total: z.int(),
    archived: z.int(),
    byClass: z.array(z.object({ abcClass: z.enum(ABC_CLASSES), count: z.int() })),
    keyCustomers: z.int(),
    newThisMonth: z.int(),
  }),
  lateUpdates: z.int(),
  recentChanges: z.array(
    z.object({
      id: z.int(),
      customerId: z.int(),
      customerName: z.string(),
      field: z.string(),
      entity: z.enum(['customer', 'contact']),
      newValue: z.string().nullable(),
      userName: z.string(),
      changedAt: z.string(),
      late: z.boolean(),
    }),
  ),
});
export type DashboardSummary = z.output<typeof dashboardSummary>;
