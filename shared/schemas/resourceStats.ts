import { z } from 'zod';
import { EXPORT_FORMATS, exportTarget } from '../grid';
import { LOCALES } from '../i18n/translate';

/** 客户资源统计表 (customers.md "Registers"): active customers counted by class along one dimension. */
export const RESOURCE_DIMENSIONS = ['staff', 'region', 'businessFormat', 'marketType'] as const;
export type ResourceDimension = (typeof RESOURCE_DIMENSIONS)[number];

export const resourceStatsRow = z.object({
  dimension: z.enum(RESOURCE_DIMENSIONS),
  /** The group's code (staff id, code-list code) or null for "not set". */
  key: z.string().nullable(),
  label: z.string().nullable(),
  a: z.int(),
  b: z.int(),
  c: z.int(),
  total: z.int(),
  keyCustomers: z.int(),
});
export type ResourceStatsRow = z.output<typeof resourceStatsRow>;

export const resourceStats = z.object({ rows: z.array(resourceStatsRow), total: resourceStatsRow.omit({ dimension: true, key: true, label: true }) });
export type ResourceStats = z.output<typeof resourceStats>;

export const resourceStatsExportInput = z.object({ format: z.enum(EXPORT_FORMATS), locale: z.enum(LOCALES).default('zh-CN'), ...exportTarget }).strict();
