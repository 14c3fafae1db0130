import type { TFunction } from 'i18next';
import type { ScheduleRule } from '@shared/schedules';

/** A schedule's rule in words: 每周五 17:00（遇节假日顺延…）, 每个工作日 15:00, 每月最后一个工作日 17:00. */
export function ruleText(rule: ScheduleRule, t: TFunction): string {
  if (rule.kind === 'weekly')
    return t('schedules.ruleText.weekly', { day: t(`schedules.weekdays.${rule.weekday}`), time: rule.time });
  return t(`schedules.ruleText.${rule.kind}`, { time: rule.time });
}
