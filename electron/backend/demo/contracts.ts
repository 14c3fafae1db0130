import { addDays, localDate, startOfLocalDay } from '@shared/dates';
import { addYears } from '@shared/contractLifecycle';
import type { ArchiveDocRole } from '@shared/schemas/archiveDoc';
import type { ContractAttachment, StoredContractStatus } from '@shared/schemas/contract';
import type { Tx } from '../db/writeQueue';
import { Random } from './random';

/** What a marketing office signs with its customers, with the paper that goes with each. */
const TITLES = ['年度产品购销合同', '区域经销协议', '门店陈列协议', '促销活动合作协议', '仓储配送服务合同', '战略合作框架协议', '团购供货合同'];
const ATTACHMENTS: ContractAttachment[] = [
  { title: '产品报价单', pages: 2, notes: null },
  { title: '营业执照复印件', pages: 1, notes: '加盖公章' },
  { title: '法定代表人授权委托书', pages: 1, notes: null },
  { title: '质量保证协议', pages: 3, notes: null },
  { title: '返利政策说明', pages: 2, notes: null },
  { title: '收货地址及联系人清单', pages: 1, notes: null },
];
const COUNTERSIGNERS = ['财务部 李娜；法务部 王强', '财务部 李娜；储运部 周海', '法务部 王强；市场营销部 孙建华', '财务部 郑敏；审计部 何军'];
const SPECIAL_REASONS = ['账期 90 天，超出标准账期 60 天', '返利比例 3%，高于标准 2%', '免收首批货款保证金', '独家经销区域，需部门负责人确认'];
const TERMINATION_REASONS = ['客户门店停业，双方协商退租', '客户经营方向调整，提前终止合作'];

/**
 * The life of one demo contract, relative to today: when it runs, and how far it got. `expiring` ones end within
 * the 30-day window so the dashboard and the 即将到期 view show them.
 */
type Story = 'expiring' | 'running' | 'future' | 'expired' | 'renewed' | 'terminated' | 'draft' | 'draftNonRegular' | 'awaitingApproval';
const STORIES: Story[] = [
  ...Array<Story>(9).fill('expiring'),
  ...Array<Story>(40).fill('running'),
  ...Array<Story>(4).fill('future'),
  ...Array<Story>(8).fill('expired'),
  ...Array<Story>(6).fill('renewed'),
  ...Array<Story>(3).fill('terminated'),
  ...Array<Story>(4).fill('draft'),
  ...Array<Story>(2).fill('draftNonRegular'),
  ...Array<Story>(2).fill('awaitingApproval'),
];

interface Actor {
  id: number | null;
  name: string;
}

async function actor(tx: Tx, username: string, fallback: string): Promise<Actor> {
  const row = await tx.get<{ id: number; display_name: string }>('SELECT id, display_name FROM users WHERE username = ?', [username]);
  return row ? { id: row.id, name: row.display_name } : { id: null, name: fallback };
}

/**
 * Loads the demo contracts (合同台账) and archive documents (档案文件登记): about 80 contracts over customers of
 * every class — running, a handful ending within 30 days, expired, renewed, terminated, drafts, non-regular ones
 * with their countersign, special ones approved by the supervisor and two still waiting — and the paper files of
 * the customers that have them. Its own seed, so the other demo data stay as they are.
 */
export async function demoContracts(tx: Tx, now: Date): Promise<void> {
  const r = new Random(20260808);
  const today = localDate(now);
  // An instant during office hours on a given day, never later than now.
  const on = (date: string) =>
    new Date(Math.min(Date.parse(startOfLocalDay(date)) + r.int(9, 17) * 3_600_000 + r.int(0, 59) * 60_000, now.getTime() - 60_000)).toISOString();
  const clerk = await actor(tx, 'neiqin', '陈静');
  const head = await actor(tx, 'zhuguan', '孙建华');
  const customers = await tx.all<{ id: number; name: string; code: string }>(
    `SELECT id, name, code FROM customers WHERE status = 'active' ORDER BY id LIMIT 400`,
  );
  const chosen = customers.filter((_, i) => i % 5 === 0).slice(0, STORIES.length);
  let serial = 0;
  const nextNo = (year: string) => `HT-${year}-${String(++serial).padStart(4, '0')}`;

  const event: EventWriter = (contractId, at, who, action, newValue, note = null) =>
    tx.run(
      `INSERT INTO contract_events (contract_id, at, user_id, user_name, action, field, old_value, new_value, note) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?)`,
      [contractId, at, who.id, who.name, action, newValue, note],
    );

  for (const [i, customer] of chosen.entries()) {
    const story = STORIES[i]!;
    const nonRegular = story === 'draftNonRegular' || r.chance(0.3);
    const special = story === 'awaitingApproval' || (story !== 'draftNonRegular' && r.chance(0.1));
    // Dates: the contract runs a year (or two); its end decides the story.
    const endOffset = { expiring: r.int(2, 28), running: r.int(45, 330), future: r.int(400, 700), expired: -r.int(20, 200), renewed: -r.int(1, 40), terminated: r.int(60, 300), draft: r.int(370, 420), draftNonRegular: r.int(370, 420), awaitingApproval: r.int(370, 420) }[story];
    const endOn = addDays(today, endOffset);
    const draft = story === 'draft' || story === 'draftNonRegular' || story === 'awaitingApproval';
    // Drafts and future contracts run one year from a day still ahead; the others one or two years.
    const startOn = addDays(addYears(endOn, story === 'future' || draft ? -1 : -r.int(1, 2)), 1);
    const signedOn = draft ? null : addDays(startOn > today ? today : startOn, -r.int(3, 15));
    const countersigned = nonRegular && story !== 'draftNonRegular';
    const countersignedOn = countersigned ? (signedOn ? addDays(signedOn, -r.int(1, 5)) : addDays(today, -r.int(0, 3))) : null;
    const countersigner = countersigned ? r.pick(COUNTERSIGNERS) : null;
    // The paper trail in the order it happened: entered, countersigned, approved, signed (, terminated).
    const createdOn = addDays(countersignedOn ?? signedOn ?? today, -r.int(1, 6));
    const approved = special && story !== 'awaitingApproval';
    const approvedOn = addDays(signedOn ?? today, -1) < createdOn ? createdOn : addDays(signedOn ?? today, -1);
    const times = { created: on(createdOn), countersigned: countersignedOn ? on(countersignedOn) : null, approved: approved ? on(approvedOn) : null, signed: signedOn ? on(signedOn) : null };
    const attachments = ATTACHMENTS.filter(() => r.chance(0.45)).slice(0, 4);
    const status: StoredContractStatus = draft ? 'draft' : story === 'renewed' ? 'renewed' : story === 'terminated' ? 'terminated' : 'signed';
    const terminatedOn = story === 'terminated' ? addDays(today, -r.int(5, 60)) : null;
    const terminatedReason = terminatedOn ? r.pick(TERMINATION_REASONS) : null;
    const terminatedAt = terminatedOn ? on(terminatedOn) : null;
    const updatedAt = [times.created, times.countersigned, times.approved, times.signed, terminatedAt].filter((x): x is string => x !== null).sort().at(-1)!;
    const contractNo = nextNo(startOn.slice(0, 4));
    const { lastID: id } = await tx.run(
      `INSERT INTO contracts (contract_no, customer_id, title, contract_type, is_special, special_reason, countersigned_by, countersigned_on,
         special_approved_by, special_approved_by_user_id, special_approved_at, special_approval_note, signed_on, start_on, end_on, amount_fen,
         status, terminated_on, terminated_reason, attachments, notes, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        contractNo,
        customer.id,
        `${startOn.slice(0, 4)} ${r.pick(TITLES)}`,
        nonRegular ? 'nonRegular' : 'regular',
        special ? 1 : 0,
        special ? r.pick(SPECIAL_REASONS) : null,
        countersigner,
        countersignedOn,
        approved ? head.name : null,
        approved ? head.id : null,
        times.approved,
        approved ? '同意，请注意回款风险' : null,
        signedOn,
        startOn,
        endOn,
        r.int(5, 500) * 1_000_000 + r.int(0, 99) * 100,
        status,
        terminatedOn,
        terminatedReason,
        JSON.stringify(attachments),
        r.chance(0.2) ? '原件存档案室 3 号柜' : null,
        clerk.name,
        times.created,
        updatedAt,
      ],
    );
    await event(id, times.created, clerk, 'created', contractNo);
    if (times.countersigned) await event(id, times.countersigned, clerk, 'countersigned', countersigner, countersignedOn);
    if (times.approved) await event(id, times.approved, head, 'approved', head.name, '同意，请注意回款风险');
    if (times.signed) await event(id, times.signed, clerk, 'signed', signedOn);
    if (terminatedAt) await event(id, terminatedAt, clerk, 'terminated', terminatedOn, terminatedReason);
    if (story === 'renewed') await renewal(tx, { id, customerId: customer.id, endOn, contractNo }, nextNo, r, clerk, event, on);
  }
  await demoArchiveDocuments(tx, chosen.slice(0, 40), today, r, now.toISOString());
}

type EventWriter = (contractId: number, at: string, who: Actor, action: string, newValue: string | null, note?: string | null) => Promise<unknown>;

/** The successor of a renewed contract: entered and signed before the old one ended, running from the day after. */
async function renewal(
  tx: Tx,
  old: { id: number; customerId: number; endOn: string; contractNo: string },
  nextNo: (year: string) => string,
  r: Random,
  clerk: Actor,
  event: EventWriter,
  on: (date: string) => string,
): Promise<void> {
  const startOn = addDays(old.endOn, 1);
  const endOn = addDays(addYears(startOn, 1), -1);
  const signedOn = addDays(old.endOn, -r.int(3, 10));
  const created = on(addDays(signedOn, -2));
  const signed = on(signedOn);
  const contractNo = nextNo(startOn.slice(0, 4));
  const { lastID: id } = await tx.run(
    `INSERT INTO contracts (contract_no, customer_id, title, contract_type, signed_on, start_on, end_on, amount_fen, status, renews_id,
       attachments, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 'regular', ?, ?, ?, ?, 'signed', ?, ?, ?, ?, ?)`,
    [contractNo, old.customerId, `${startOn.slice(0, 4)} 年度产品购销合同（续签）`, signedOn, startOn, endOn, r.int(5, 500) * 1_000_000, old.id, JSON.stringify([ATTACHMENTS[0]]), clerk.name, created, signed],
  );
  await tx.run('UPDATE contracts SET renewed_by_id = ?, updated_at = ? WHERE id = ?', [id, created, old.id]);
  await event(old.id, created, clerk, 'renewed', contractNo);
  await event(id, created, clerk, 'created', contractNo);
  await event(id, created, clerk, 'renewalOf', old.contractNo);
  await event(id, signed, clerk, 'signed', signedOn);
}

interface DemoDoc {
  kind: string;
  title: string;
  role: ArchiveDocRole;
  pages: number;
  copies?: number;
  docNo?: string;
  author?: string;
  /** Days after the item's first document (an approval comes some days after its request). */
  after?: number;
}

/** A customer's paper file: the contract with its attachments, a credit request and its approval, licences. */
function paperFile(name: string, year: string, r: Random): DemoDoc[][] {
  const no = r.int(10, 99);
  const items: DemoDoc[][] = [
    [
      { kind: '合同', title: `${name}${year} 年度产品购销合同`, role: 'original', pages: r.int(6, 12), copies: 2, author: '市场营销部' },
      { kind: '合同附件', title: '产品报价单', role: 'attachment', pages: 2, author: '市场营销部' },
      { kind: '合同附件', title: '质量保证协议', role: 'attachment', pages: 3, author: '质量管理部' },
    ],
    [
      { kind: '请示', title: `关于给予${name}授信额度的请示`, role: 'request', pages: 2, docNo: `营销〔${year}〕${no}号`, author: '市场营销部' },
      { kind: '批复', title: `关于同意给予${name}授信额度的批复`, role: 'approval', pages: 1, docNo: `公司〔${year}〕${no + 3}号`, author: '公司办公室', after: r.int(3, 10) },
    ],
    [{ kind: '证照', title: '营业执照复印件', role: 'document', pages: 1, author: name }],
  ];
  if (r.chance(0.5)) {
    items.push([
      { kind: '通知', title: `关于调整${year}年返利政策的通知`, role: 'printed', pages: 2, docNo: `营销〔${year}〕${no + 7}号`, author: '市场营销部' },
      { kind: '通知', title: `关于调整${year}年返利政策的通知（定稿）`, role: 'finalDraft', pages: 3, author: '市场营销部' },
    ]);
  }
  if (r.chance(0.3)) items.push([{ kind: '函', title: '对账确认函', role: 'document', pages: 1, author: name }]);
  return items;
}

async function demoArchiveDocuments(tx: Tx, customers: { id: number; name: string }[], today: string, r: Random, at: string): Promise<void> {
  for (const customer of customers) {
    const year = today.slice(0, 4);
    for (const [i, item] of paperFile(customer.name, year, r).entries()) {
      const itemDate = addDays(today, -r.int(30, 300));
      // Registered in the order the paper arrived, not the filing order: the index sorts them.
      for (const doc of [...item].reverse()) {
        await tx.run(
          `INSERT INTO archive_documents (customer_id, sequence, kind, title, doc_no, author, doc_date, role, copies, pages, notes, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
          [customer.id, i + 1, doc.kind, doc.title, doc.docNo ?? null, doc.author ?? null, addDays(itemDate, doc.after ?? 0), doc.role, doc.copies ?? 1, doc.pages, at, at],
        );
      }
    }
  }
}
