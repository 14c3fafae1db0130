import { addDays, localDate } from '@shared/dates';
import { DEFAULT_CADENCE } from '@shared/cadence';
import type { AbcClass } from '@shared/schemas/customer';
import type { Tx } from '../db/writeQueue';
import { Random } from './random';

/** Phone calls and visits as a marketing office's customer managers report them (demo data only). */
const PHONE_PURPOSES = ['了解本周订货需求', '确认到货及签收情况', '通知新品上市', '核对上月对账单', '节日促销活动通知', '了解库存与动销情况', '回访上次反映问题的处理结果'];
const PHONE_CONTENTS = [
  '客户反馈本周动销正常，计划下周补货，具体数量待店长盘点后确认。',
  '上批货物已全部到店，无破损短缺，客户对配送时效表示满意。',
  '已介绍新品规格和供货价，客户同意先少量试销，下周安排样品。',
  '对账单金额已核对无误，客户财务本周内安排付款。',
  '已告知本月促销政策，客户计划参加并申请陈列支持。',
  '库存偏高的两个品种本月暂缓进货，其余按原计划执行。',
  '上次反映的配送延误问题已解决，客户无其他意见。',
];
const VISIT_PURPOSES = ['季度走访，了解经营情况', '新品推介与陈列检查', '商谈年度合作协议', '拜访高层，沟通明年合作方向', '现场核查终端陈列与价格执行', '收集市场信息和竞品动态'];
const VISIT_CONTENTS = [
  '与客户负责人面谈约一小时，了解门店近期客流和销售结构，客户对我方供货稳定性评价较高，提出旺季前需提前锁定货源。',
  '现场查看了主通道和收银台陈列，价格标签与公司指导价一致；建议增加端架陈列，客户原则同意。',
  '就明年合作框架交换意见，客户希望在返利政策和账期上有所调整，已记录并承诺两周内给出答复。',
  '介绍了公司新品系列及推广计划，客户对中高端礼盒兴趣较大，约定下月初安排试销。',
  '走访中了解到客户正在筹备新门店，预计明年一季度开业，届时将有较大进货需求。',
  '核查了库存与临期商品情况，协助客户制定了临期品处理方案，客户表示认可。',
];
const NEEDS = ['希望增加节日礼盒供应', '要求缩短配送周期至每周两次', '希望获得更多促销与陈列支持', '需要提供电子对账单', '希望账期延长至 45 天', '新店开业需要开业物料支持'];
const COMPETITORS = ['恒通商贸近期在该片区降价约 3% 抢客户', '竞品推出买赠活动，分流部分客源', '竞品业务员每周上门两次，服务频次高于我方', '某电商平台对该客户的终端价格形成冲击'];
const FOLLOW_UPS = ['上次建议的陈列调整已落实，动销有所提升', '上次提出的账期问题已与财务沟通解决', '新品试销效果良好，客户同意扩大进货', '上次反映的送货时间问题已调整到上午配送'];

interface DemoCustomer {
  id: number;
  abcClass: AbcClass;
  staffId: number;
  registeredOn: string;
}
interface DemoContact {
  id: number;
  name: string;
  title: string | null;
}
interface DemoVisit {
  customerId: number;
  visitedOn: string;
  staffId: number;
  channel: 'visit' | 'phone';
  contact: DemoContact | null;
  purpose: string;
  content: string;
  needs: string | null;
  competitors: string | null;
  followUp: string | null;
  significant: boolean;
}

const ROWS_PER_STATEMENT = 100;

/** Managers call and visit on working days: a weekend date moves back to the Friday before. */
function weekday(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 6 ? addDays(date, -1) : day === 0 ? addDays(date, -2) : date;
}

/**
 * Months of contact history for the demo customers (calls at about each class's cadence, visits every few
 * months, some customers let slip so the overdue list has work on it) and visit plans for this month and the
 * last, partly done. Deterministic (own seed), a few thousand rows in multi-row statements so the demo office
 * still loads in seconds.
 */
export async function demoVisits(tx: Tx, now: Date): Promise<void> {
  const r = new Random(20261126);
  const today = localDate(now);
  const clerk = await tx.get<{ id: number; name: string }>(`SELECT id, display_name AS name FROM users WHERE username = 'neiqin'`);
  const customers = await tx.all<DemoCustomer>(
    `SELECT id, abc_class AS abcClass, manager_staff_id AS staffId, registered_on AS registeredOn FROM customers WHERE status = 'active' ORDER BY id`,
  );
  if (customers.length === 0) return;
  const contacts = new Map<number, DemoContact[]>();
  for (const c of await tx.all<DemoContact & { customerId: number }>(
    `SELECT id, customer_id AS customerId, name, title FROM contacts WHERE removed_at IS NULL ORDER BY customer_id, is_key_leader DESC, id`,
  )) {
    const list = contacts.get(c.customerId) ?? [];
    list.push({ id: c.id, name: c.name, title: c.title });
    contacts.set(c.customerId, list);
  }
  const staffIds = [...new Set(customers.map((c) => c.staffId))];

  const visits: DemoVisit[] = [];
  const record = (c: DemoCustomer, day: string, channel: 'visit' | 'phone', staffId = c.staffId) => {
    const visitedOn = weekday(day);
    if (visitedOn < c.registeredOn) return;
    const people = contacts.get(c.id) ?? [];
    // Visits meet the top person (A-class: top leadership); calls go to whoever handles orders.
    const contact = people.length ? (channel === 'visit' ? people[0]! : r.pick(people)) : null;
    const visit = channel === 'visit';
    visits.push({
      customerId: c.id,
      visitedOn,
      staffId,
      channel,
      contact,
      purpose: r.pick(visit ? VISIT_PURPOSES : PHONE_PURPOSES),
      content: r.pick(visit ? VISIT_CONTENTS : PHONE_CONTENTS),
      needs: visit || r.chance(0.2) ? r.pick(NEEDS) : null,
      competitors: visit && r.chance(0.6) ? r.pick(COMPETITORS) : null,
      followUp: visit && r.chance(0.5) ? r.pick(FOLLOW_UPS) : null,
      significant: visit && r.chance(0.05),
    });
  };

  const phoneFrom = addDays(today, -35);
  const visitFrom = addDays(today, -150);
  for (const c of customers) {
    const cadence = DEFAULT_CADENCE[c.abcClass];
    const start = c.registeredOn > visitFrom ? c.registeredOn : visitFrom;
    // About one customer in ten has been let slip: the last call weeks ago, the last visit months ago.
    if (r.chance(0.1)) {
      record(c, addDays(today, -r.int(cadence.phoneDays * 2, 90)), 'phone');
      record(c, addDays(today, -r.int(cadence.visitMonths * 30 + 20, cadence.visitMonths * 30 + 150)), 'visit');
      continue;
    }
    // Calls: the latest one at most a little past the cadence (so some are just overdue), then back in steps.
    for (let on = addDays(today, -r.int(0, Math.round(cadence.phoneDays * 1.3))); on >= phoneFrom && on >= c.registeredOn; ) {
      record(c, on, 'phone');
      on = addDays(on, -r.int(cadence.phoneDays - 3, cadence.phoneDays + 2));
    }
    const visitDays = cadence.visitMonths * 30;
    for (let on = addDays(today, -r.int(3, Math.round(visitDays * 1.15))); on >= start; ) {
      record(c, on, 'visit', r.chance(0.95) ? c.staffId : r.pick(staffIds));
      on = addDays(on, -r.int(visitDays - 15, visitDays + 10));
    }
  }

  const plans = planMonths(r, today, customers, (c, on, staffId) => record(c, on, 'visit', staffId));
  await insertVisits(tx, visits, clerk ?? { id: null, name: '系统管理员' });
  await insertPlans(tx, plans, clerk?.name ?? '系统管理员', now.toISOString());
}

interface DemoPlan {
  staffId: number;
  month: string;
  customerId: number;
  plannedOn: string;
  notes: string | null;
}

const PLAN_NOTES = ['商谈年底备货', '带新品目录和样品', '核对陈列与价格', '沟通明年合作政策', null, null, null];

/** Plans for last month (mostly done) and this month (done up to today where the visit happened). */
function planMonths(r: Random, today: string, customers: DemoCustomer[], visited: (c: DemoCustomer, on: string, staffId: number) => void): DemoPlan[] {
  const thisMonth = today.slice(0, 7);
  const lastDay = new Date(Date.UTC(Number(thisMonth.slice(0, 4)), Number(thisMonth.slice(5, 7)) - 1, 0));
  const lastMonth = lastDay.toISOString().slice(0, 7);
  const byStaff = new Map<number, DemoCustomer[]>();
  for (const c of customers) byStaff.set(c.staffId, [...(byStaff.get(c.staffId) ?? []), c]);
  const plans: DemoPlan[] = [];
  for (const [staffId, own] of byStaff) {
    for (const [month, size, doneShare] of [
      [lastMonth, r.int(6, 9), 0.8],
      [thisMonth, r.int(7, 11), 0.75],
    ] as const) {
      const daysInMonth = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
      const chosen = new Set<DemoCustomer>();
      while (chosen.size < Math.min(size, own.length)) chosen.add(r.pick(own));
      for (const c of chosen) {
        const plannedOn = `${month}-${String(r.int(1, daysInMonth)).padStart(2, '0')}`;
        plans.push({ staffId, month, customerId: c.id, plannedOn, notes: r.pick(PLAN_NOTES) });
        const visitOn = addDays(plannedOn, r.int(-1, 2));
        if (visitOn <= today && visitOn.slice(0, 7) === month && r.chance(doneShare)) visited(c, visitOn, staffId);
      }
    }
  }
  return plans;
}

async function insertVisits(tx: Tx, visits: DemoVisit[], by: { id: number | null; name: string }): Promise<void> {
  visits.sort((a, b) => (a.visitedOn < b.visitedOn ? -1 : a.visitedOn > b.visitedOn ? 1 : a.customerId - b.customerId));
  for (let i = 0; i < visits.length; i += ROWS_PER_STATEMENT) {
    const batch = visits.slice(i, i + ROWS_PER_STATEMENT);
    // Entered the evening of the day the manager reported it (17:30 China time).
    const enteredAt = (v: DemoVisit) => `${v.visitedOn}T09:30:00.000Z`;
    const result = await tx.run(
      `INSERT INTO visits (customer_id, visited_on, staff_id, channel, contact_id, contact_name, contact_title, purpose, content,
         customer_needs, competitors, follow_up, significant, created_by_user_id, created_by, created_at, updated_at)
       VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      batch.flatMap((v) => [
        v.customerId,
        v.visitedOn,
        v.staffId,
        v.channel,
        v.contact?.id ?? null,
        v.contact?.name ?? '店长',
        v.contact?.title ?? null,
        v.purpose,
        v.content,
        v.needs,
        v.competitors,
        v.followUp,
        v.significant ? 1 : 0,
        by.id,
        by.name,
        enteredAt(v),
        enteredAt(v),
      ]),
    );
    // Rowids of a multi-row INSERT into a table without deletes are consecutive, ending at lastID.
    const firstId = result.lastID - batch.length + 1;
    await tx.run(
      `INSERT INTO visit_changes (visit_id, field, old_value, new_value, user_id, user_name, changed_at) VALUES ${batch.map(() => `(?, 'created', NULL, ?, ?, ?, ?)`).join(', ')}`,
      batch.flatMap((v, k) => [firstId + k, `${v.visitedOn} ${v.contact?.name ?? '店长'}`, by.id, by.name, enteredAt(v)]),
    );
  }
}

async function insertPlans(tx: Tx, plans: DemoPlan[], by: string, at: string): Promise<void> {
  for (let i = 0; i < plans.length; i += ROWS_PER_STATEMENT) {
    const batch = plans.slice(i, i + ROWS_PER_STATEMENT);
    await tx.run(
      `INSERT INTO visit_plans (staff_id, month, customer_id, planned_on, notes, created_by, created_at, updated_at)
       VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      batch.flatMap((p) => [p.staffId, p.month, p.customerId, p.plannedOn, p.notes, by, at, at]),
    );
  }
}
