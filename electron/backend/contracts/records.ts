import { AppError } from '@shared/errors';
import { effectiveStatus, retainUntil } from '@shared/contractLifecycle';
import type { ContractAttachment, ContractEvent, ContractRecord, StoredContractStatus } from '@shared/schemas/contract';
import type { Session } from '../auth/sessions';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import { visibleCustomer } from '../customers/records';

const contractSelect = `k.id AS id, k.version AS version, k.contract_no AS contractNo, k.customer_id AS customerId,
  c.code AS customerCode, c.name AS customerName, c.abc_class AS customerClass, c.status AS customerStatus,
  k.title AS title, k.contract_type AS contractType, k.is_special AS isSpecial, k.special_reason AS specialReason,
  k.countersigned_by AS countersignedBy, k.countersigned_on AS countersignedOn,
  k.special_approved_by AS specialApprovedBy, k.special_approved_at AS specialApprovedAt,
  k.special_approval_note AS specialApprovalNote, k.signed_on AS signedOn, k.start_on AS startOn, k.end_on AS endOn,
  k.amount_fen AS amountFen, k.status AS storedStatus, k.renews_id AS renewsId, p.contract_no AS renewsNo,
  k.renewed_by_id AS renewedById, n.contract_no AS renewedByNo, k.terminated_on AS terminatedOn,
  k.terminated_reason AS terminatedReason, k.attachments AS attachments, k.notes AS notes, k.created_by AS createdBy,
  k.created_at AS createdAt, k.updated_at AS updatedAt`;

const contractFrom = `contracts k JOIN customers c ON c.id = k.customer_id
  LEFT JOIN contracts p ON p.id = k.renews_id LEFT JOIN contracts n ON n.id = k.renewed_by_id`;

/** A stored row as the contract record of the contract, with the status it shows on `today`. */
export function toContractRecord(raw: Record<string, unknown>, today: string): ContractRecord {
  const r = raw as unknown as Omit<ContractRecord, 'isSpecial' | 'attachments' | 'status' | 'countersigned' | 'specialApproved' | 'retainUntil'> & {
    isSpecial: number;
    attachments: string;
    storedStatus: StoredContractStatus;
  };
  return {
    ...r,
    isSpecial: r.isSpecial === 1,
    countersigned: r.countersignedOn !== null,
    specialApproved: r.specialApprovedAt !== null,
    attachments: (JSON.parse(r.attachments) as ContractAttachment[]).map((a) => ({ title: a.title, pages: a.pages, notes: a.notes ?? null })),
    status: effectiveStatus(r.storedStatus, r.startOn, r.endOn, today),
    retainUntil: retainUntil(r),
  };
}

export async function loadContract(db: Reader | Tx, id: number, today: string): Promise<ContractRecord | undefined> {
  const raw = await db.get<Record<string, unknown>>(`SELECT ${contractSelect} FROM ${contractFrom} WHERE k.id = ?`, [id]);
  return raw ? toContractRecord(raw, today) : undefined;
}

/** Every contract of a customer, oldest first (for the retention check). */
export async function customerContracts(db: Reader | Tx, customerId: number, today: string): Promise<ContractRecord[]> {
  const rows = await db.all<Record<string, unknown>>(`SELECT ${contractSelect} FROM ${contractFrom} WHERE k.customer_id = ? ORDER BY k.id`, [customerId]);
  return rows.map((r) => toContractRecord(r, today));
}

/** The contract as this session may see it: one of an A-class customer is "not found" for others. */
export async function visibleContract(session: Session, db: Reader | Tx, id: number, today: string): Promise<ContractRecord> {
  const contract = await loadContract(db, id, today);
  if (!contract) throw new AppError('NOT_FOUND', 'contracts.errors.notFound');
  // The customer's own rule decides (A-class, and whatever else customers/ adds to it).
  await visibleCustomer(session, db, contract.customerId).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'NOT_FOUND' ? new AppError('NOT_FOUND', 'contracts.errors.notFound') : err;
  });
  return contract;
}

export async function loadEvents(db: Reader | Tx, contractId: number): Promise<ContractEvent[]> {
  return db.all<ContractEvent>(
    `SELECT id, at, user_name AS userName, action, field, old_value AS oldValue, new_value AS newValue, note
     FROM contract_events WHERE contract_id = ? ORDER BY at DESC, id DESC`,
    [contractId],
  );
}
