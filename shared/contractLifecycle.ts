import { addDays, type IsoDate } from './dates';
import type { ContractStatus, ContractType, StoredContractStatus } from './schemas/contract';

/**
 * A contract's lifecycle (customers.md "Contracts"), pure so the backend, the forms and the tests share it.
 *
 * Stored statuses are decisions: 草稿 draft → 已签订 signed (sign), → 续签 renewed (renew), → 退租 terminated
 * (terminate; for a draft this voids it). 生效 active and 已到期 expired are read off the dates of a signed
 * contract on the day they are looked at, instead of being written by a background job: the office PC is often
 * off at midnight, a job that missed days would leave the register wrong, and the dashboard, grid and export
 * must agree on any given day. The SQL twin of `effectiveStatus` is contracts/status.ts (a test keeps them equal).
 */
export function effectiveStatus(stored: StoredContractStatus, startOn: IsoDate, endOn: IsoDate | null, today: IsoDate): ContractStatus {
  if (stored !== 'signed') return stored;
  if (endOn !== null && endOn < today) return 'expired';
  if (startOn <= today) return 'active';
  return 'signed';
}

/**
 * Every move the register allows between shown statuses. signed → active and active → expired happen by the
 * calendar; the others are the actions below. renewed and terminated are final.
 */
export const CONTRACT_TRANSITIONS: Readonly<Record<ContractStatus, readonly ContractStatus[]>> = {
  draft: ['signed', 'terminated'],
  signed: ['active', 'expired', 'terminated'],
  active: ['expired', 'renewed', 'terminated'],
  expired: ['renewed', 'terminated'],
  renewed: [],
  terminated: [],
};

export function canMove(from: ContractStatus, to: ContractStatus): boolean {
  return CONTRACT_TRANSITIONS[from].includes(to);
}

export type ContractAction = 'editTerms' | 'countersign' | 'approve' | 'sign' | 'renew' | 'terminate';

export interface LifecycleFacts {
  status: ContractStatus;
  contractType: ContractType;
  isSpecial: boolean;
  countersigned: boolean;
  specialApproved: boolean;
}

/** Which actions the contract's state allows (permissions are checked separately). */
export function allowedActions(c: LifecycleFacts): ContractAction[] {
  switch (c.status) {
    case 'draft':
      return [
        'editTerms',
        ...(c.countersigned ? [] : (['countersign'] as const)),
        ...(c.isSpecial && !c.specialApproved ? (['approve'] as const) : []),
        'sign',
        'terminate',
      ];
    case 'signed':
      return ['terminate'];
    case 'active':
    case 'expired':
      return ['renew', 'terminate'];
    default:
      return [];
  }
}

/**
 * What still stands in the way of signing a draft, as message keys: a non-regular contract needs its countersign
 * (会签), a special one the department head's approval.
 */
export function signBlockers(c: LifecycleFacts): string[] {
  const blockers: string[] = [];
  if (c.contractType === 'nonRegular' && !c.countersigned) blockers.push('contracts.errors.countersignRequired');
  if (c.isSpecial && !c.specialApproved) blockers.push('contracts.errors.approvalRequired');
  return blockers;
}

/** Contracts and their archive are kept at least this many years after the contract ended. */
export const RETENTION_YEARS = 10;

/** The same month and day `years` later; 29 February moves to 1 March, so the span is never short of full years. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (m === 2 && d === 29 && !isLeap(y + years)) return addDays(`${String(y + years).padStart(4, '0')}-02-28`, 1);
  return target;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export interface RetentionFacts {
  storedStatus: StoredContractStatus;
  signedOn: IsoDate | null;
  endOn: IsoDate | null;
  terminatedOn: IsoDate | null;
}

/**
 * The first day a contract may be archived away: 10 years after it ended — the day it was terminated, else its
 * end date, else (open-ended) the day it was signed. A contract never signed (a voided draft) binds nothing.
 */
export function retainUntil(c: RetentionFacts): IsoDate | null {
  if (c.signedOn === null) return null;
  const ended = c.storedStatus === 'terminated' && c.terminatedOn ? c.terminatedOn : (c.endOn ?? c.signedOn);
  return addYears(ended, RETENTION_YEARS);
}

/** Signed and running (or about to), ending within `days` days from today inclusive: the 即将到期 list. */
export function isExpiring(status: ContractStatus, endOn: IsoDate | null, today: IsoDate, days: number): boolean {
  return (status === 'signed' || status === 'active') && endOn !== null && endOn >= today && endOn <= addDays(today, days);
}
