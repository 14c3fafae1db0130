import { AppError } from '@shared/errors';
import type { ComplaintEvent, ComplaintStatus } from '@shared/schemas/complaint';

/**
 * The status flow (customers.md): received → verified → in handling → resolved → feedback recorded → closed.
 * Each step starts from exactly one status; anything else is refused with a message that says what is missing.
 */
export const STEPS = {
  verify: { from: 'received', to: 'verified', event: 'verified', refused: 'complaints.errors.notReceived' },
  startHandling: {
    from: 'verified',
    to: 'handling',
    event: 'handling',
    refused: 'complaints.errors.notVerified',
  },
  resolve: { from: 'handling', to: 'resolved', event: 'resolved', refused: 'complaints.errors.notHandling' },
  recordFeedback: {
    from: 'resolved',
    to: 'feedbackRecorded',
    event: 'feedback',
    refused: 'complaints.errors.notResolved',
  },
  close: {
    from: 'feedbackRecorded',
    to: 'closed',
    event: 'closed',
    refused: 'complaints.errors.notResolved',
  },
} as const satisfies Record<
  string,
  { from: ComplaintStatus; to: ComplaintStatus; event: ComplaintEvent; refused: string }
>;
export type Step = keyof typeof STEPS;

/** The status after `step`, or the refusal (CONFLICT with the message key the user reads). */
export function nextStatus(status: ComplaintStatus, step: Step): ComplaintStatus {
  const rule = STEPS[step];
  if (status === rule.from) return rule.to;
  if (status === 'closed') throw new AppError('CONFLICT', 'complaints.errors.alreadyClosed');
  // The one refusal the office must never get round: no closing before the customer has scored the handling.
  if (step === 'close' && status === 'resolved')
    throw new AppError('CONFLICT', 'complaints.errors.feedbackMissing');
  throw new AppError('CONFLICT', rule.refused);
}
