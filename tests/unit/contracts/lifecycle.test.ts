import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween, isValidIsoDate } from '@shared/dates';
import {
  addYears,
  allowedActions,
  canMove,
  CONTRACT_TRANSITIONS,
  effectiveStatus,
  isExpiring,
  retainUntil,
  signBlockers,
  type LifecycleFacts,
} from '@shared/contractLifecycle';
import { CONTRACT_STATUSES, STORED_CONTRACT_STATUSES, type ContractStatus } from '@shared/schemas/contract';

const isoDate = fc.integer({ min: 0, max: 40 * 366 }).map((n) => addDays('2000-01-01', n));

describe('the status a contract shows (stored decision + dates)', () => {
  const today = '2026-11-25';
  it.each([
    ['draft', '2026-01-01', '2026-01-31', 'draft'],
    ['signed', '2026-12-01', '2027-11-30', 'signed'],
    ['signed', '2026-11-25', '2027-11-24', 'active'],
    ['signed', '2025-11-25', '2026-11-25', 'active'],
    ['signed', '2025-11-24', '2026-11-24', 'expired'],
    ['signed', '2020-01-01', null, 'active'],
    ['renewed', '2025-01-01', '2025-12-31', 'renewed'],
    ['terminated', '2027-01-01', '2027-12-31', 'terminated'],
  ] as const)('%s from %s to %s reads %s', (stored, startOn, endOn, shown) => {
    expect(effectiveStatus(stored, startOn, endOn, today)).toBe(shown);
  });

  it('never goes back: as days pass a signed contract only moves forward (signed → active → expired)', () => {
    const rank: Partial<Record<ContractStatus, number>> = { signed: 0, active: 1, expired: 2 };
    fc.assert(
      fc.property(isoDate, fc.option(fc.integer({ min: 0, max: 4000 })), isoDate, fc.integer({ min: 1, max: 800 }), (start, len, day, step) => {
        const end = len === null ? null : addDays(start, len);
        const a = effectiveStatus('signed', start, end, day);
        const b = effectiveStatus('signed', start, end, addDays(day, step));
        expect(rank[b]!).toBeGreaterThanOrEqual(rank[a]!);
        if (a !== b) expect(canMove(a, b)).toBe(true);
      }),
    );
  });

  it('decisions other than "signed" are shown as they were stored, whatever the date', () => {
    fc.assert(
      fc.property(fc.constantFrom('draft', 'renewed', 'terminated' as const), isoDate, isoDate, (stored, start, day) => {
        expect(effectiveStatus(stored, start, addDays(start, 30), day)).toBe(stored);
      }),
    );
  });
});

describe('the transitions the register allows', () => {
  it('lists a move for every status and nothing out of the final ones', () => {
    expect(Object.keys(CONTRACT_TRANSITIONS).sort()).toEqual([...CONTRACT_STATUSES].sort());
    expect(CONTRACT_TRANSITIONS.renewed).toEqual([]);
    expect(CONTRACT_TRANSITIONS.terminated).toEqual([]);
  });

  it('draft → signed → active → expired / renewed / terminated, and no way back to draft', () => {
    expect(canMove('draft', 'signed')).toBe(true);
    expect(canMove('draft', 'terminated')).toBe(true); // a draft entered by mistake is voided
    expect(canMove('draft', 'active')).toBe(false);
    expect(canMove('draft', 'renewed')).toBe(false);
    expect(canMove('signed', 'active')).toBe(true);
    expect(canMove('signed', 'renewed')).toBe(false);
    expect(canMove('active', 'expired')).toBe(true);
    expect(canMove('active', 'renewed')).toBe(true);
    expect(canMove('active', 'terminated')).toBe(true);
    expect(canMove('expired', 'renewed')).toBe(true);
    expect(canMove('expired', 'active')).toBe(false);
    for (const from of CONTRACT_STATUSES) expect(canMove(from, 'draft')).toBe(false);
    for (const to of CONTRACT_STATUSES) {
      expect(canMove('renewed', to)).toBe(false);
      expect(canMove('terminated', to)).toBe(false);
    }
  });

  it('offers exactly the actions whose move is allowed', () => {
    const facts = (status: ContractStatus, extra: Partial<LifecycleFacts> = {}): LifecycleFacts => ({
      status,
      contractType: 'regular',
      isSpecial: false,
      countersigned: false,
      specialApproved: false,
      ...extra,
    });
    const target = { sign: 'signed', renew: 'renewed', terminate: 'terminated' } as const;
    for (const status of CONTRACT_STATUSES) {
      const actions = allowedActions(facts(status, { isSpecial: true }));
      for (const [action, to] of Object.entries(target)) expect(actions.includes(action as never), `${status} ${action}`).toBe(canMove(status, to));
    }
    expect(allowedActions(facts('draft'))).toEqual(['editTerms', 'countersign', 'sign', 'terminate']);
    expect(allowedActions(facts('draft', { isSpecial: true, countersigned: true }))).toEqual(['editTerms', 'approve', 'sign', 'terminate']);
    expect(allowedActions(facts('draft', { isSpecial: true, specialApproved: true, countersigned: true }))).toEqual(['editTerms', 'sign', 'terminate']);
    expect(allowedActions(facts('active'))).toEqual(['renew', 'terminate']);
  });
});

describe('what a signature needs', () => {
  const draft = { status: 'draft' as const, isSpecial: false, countersigned: false, specialApproved: false };
  it('a non-regular contract needs its countersign; a regular one does not', () => {
    expect(signBlockers({ ...draft, contractType: 'nonRegular' })).toEqual(['contracts.errors.countersignRequired']);
    expect(signBlockers({ ...draft, contractType: 'nonRegular', countersigned: true })).toEqual([]);
    expect(signBlockers({ ...draft, contractType: 'regular' })).toEqual([]);
  });
  it('a special contract needs the approval, whatever its type', () => {
    expect(signBlockers({ ...draft, contractType: 'regular', isSpecial: true })).toEqual(['contracts.errors.approvalRequired']);
    expect(signBlockers({ ...draft, contractType: 'nonRegular', isSpecial: true })).toEqual([
      'contracts.errors.countersignRequired',
      'contracts.errors.approvalRequired',
    ]);
    expect(signBlockers({ ...draft, contractType: 'nonRegular', isSpecial: true, countersigned: true, specialApproved: true })).toEqual([]);
  });
});

describe('10-year retention', () => {
  it('adds calendar years; 29 February moves to 1 March', () => {
    expect(addYears('2026-11-25', 10)).toBe('2036-11-25');
    expect(addYears('2028-02-29', 10)).toBe('2038-03-01');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addYears('2027-12-31', 10)).toBe('2037-12-31');
  });

  it('is never short of ten full years, and at most one day over', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const later = addYears(d, 10);
        expect(isValidIsoDate(later)).toBe(true);
        const days = daysBetween(d, later);
        expect(days).toBeGreaterThanOrEqual(3652);
        expect(days).toBeLessThanOrEqual(3654);
        expect(later.slice(5)).toBe(d.slice(5) === '02-29' && later.slice(5) !== '02-29' ? '03-01' : d.slice(5));
      }),
    );
  });

  it('counts from termination, else the end date, else the signing date; an unsigned draft binds nothing', () => {
    expect(retainUntil({ storedStatus: 'signed', signedOn: '2026-01-05', endOn: '2026-12-31', terminatedOn: null })).toBe('2036-12-31');
    expect(retainUntil({ storedStatus: 'signed', signedOn: '2026-01-05', endOn: null, terminatedOn: null })).toBe('2036-01-05');
    expect(retainUntil({ storedStatus: 'terminated', signedOn: '2026-01-05', endOn: '2028-12-31', terminatedOn: '2026-06-30' })).toBe('2036-06-30');
    expect(retainUntil({ storedStatus: 'renewed', signedOn: '2025-01-05', endOn: '2025-12-31', terminatedOn: null })).toBe('2035-12-31');
    expect(retainUntil({ storedStatus: 'terminated', signedOn: null, endOn: '2027-12-31', terminatedOn: '2026-11-25' })).toBeNull();
    expect(retainUntil({ storedStatus: 'draft', signedOn: null, endOn: '2027-12-31', terminatedOn: null })).toBeNull();
  });
});

describe('expiring (即将到期)', () => {
  const today = '2026-11-25';
  it('takes signed and active contracts ending from today to today + N days, both ends included', () => {
    expect(isExpiring('active', '2026-11-25', today, 30)).toBe(true);
    expect(isExpiring('active', '2026-12-25', today, 30)).toBe(true);
    expect(isExpiring('active', '2026-12-26', today, 30)).toBe(false);
    expect(isExpiring('signed', '2026-12-01', today, 30)).toBe(true);
    expect(isExpiring('active', null, today, 30)).toBe(false);
    for (const status of ['draft', 'expired', 'renewed', 'terminated'] as const) expect(isExpiring(status, '2026-12-01', today, 30)).toBe(false);
  });

  it('agrees with the shown status: an expiring contract is never expired yet', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 900 }), isoDate, fc.integer({ min: 1, max: 365 }), (start, len, day, n) => {
        const end = addDays(start, len);
        const shown = effectiveStatus('signed', start, end, day);
        expect(isExpiring(shown, end, day, n)).toBe(end >= day && daysBetween(day, end) <= n);
      }),
    );
  });

  it('covers every stored status', () => {
    expect(STORED_CONTRACT_STATUSES.every((s) => CONTRACT_STATUSES.includes(s))).toBe(true);
  });
});
