import type { TFunction } from 'i18next';

/** Enum lists of the complaints area; their labels live under `complaints.<list>.<value>`. */
export type ComplaintList = 'types' | 'channels' | 'statuses' | 'responsibilities' | 'dueStates' | 'aspects';

export function complaintOptions(
  t: TFunction,
  list: ComplaintList,
  values: readonly string[],
): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: t(`complaints.${list}.${value}`) }));
}

/** Tag colours for a status: open ones stand out, closed ones recede. */
export const STATUS_COLOR: Record<string, string> = {
  received: 'blue',
  verified: 'cyan',
  handling: 'gold',
  resolved: 'green',
  feedbackRecorded: 'purple',
  closed: 'default',
};

export const DUE_COLOR: Record<string, string> = {
  overdue: 'red',
  dueToday: 'orange',
  pending: 'default',
  done: 'default',
};

/** Average of the four scores, stored in hundredths, as the office reads it: "4.25". */
export const formatAverage = (hundredths: number | null | undefined) =>
  hundredths == null ? '' : (hundredths / 100).toFixed(2);
