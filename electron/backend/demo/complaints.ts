import { addDays, localDate } from '@shared/dates';
import type { ComplaintStatus, ComplaintType, ComplaintChannel } from '@shared/schemas/complaint';
import type { Tx } from '../db/writeQueue';
import { loadWorkingCalendar } from '../calendar/load';
import { readSetting } from '../settings/store';
import { complaintNumber } from '../complaints/intake';
import { Random } from './random';
import { personName } from './generate';

/** What customers of a marketing office write in about, with how the office found and handled it. */
const CASES: Record<
  ComplaintType,
  { content: string; verification: string; plan: string; result: string; company: boolean }[]
> = {
  suggestion: [
    {
      content: '建议节假日前一周通知送货时间调整，方便门店提前备货。',
      verification: '客户所提情况属实，往年节前通知较晚。',
      plan: '由储运部在节前 7 天统一发送送货安排通知。',
      result: '已建立节前送货通知机制，本次节日送货安排已提前发送。',
      company: true,
    },
    {
      content: '希望每月 5 日前把电子对账单发到财务邮箱，减少纸质单据往返。',
      verification: '经与财务部确认，电子对账单可以实现。',
      plan: '财务部每月 3 日前发送电子对账单。',
      result: '已于本月起发送电子对账单，客户确认收到。',
      company: true,
    },
    {
      content: '建议新品上市时提供试吃装，便于门店陈列推广。',
      verification: '新品推广方案中未包含试吃装。',
      plan: '向市场部申请新品试吃装 2 箱。',
      result: '试吃装已随下批货送达。',
      company: true,
    },
    {
      content: '希望业务员拜访前先电话预约，避开门店高峰时段。',
      verification: '业务员近两次拜访均未预约。',
      plan: '要求客户经理拜访前一天电话预约。',
      result: '已在部门例会上通报，客户经理已按要求执行。',
      company: true,
    },
  ],
  query: [
    {
      content: '对 10 月份对账单中的返利金额有疑问，与合同约定的 2% 不一致。',
      verification: '核对合同及对账单，返利按 1.5% 计提，系系统参数未更新。',
      plan: '财务部重新计算返利并出具更正对账单。',
      result: '已补足差额返利 1,860 元，更正对账单已寄出。',
      company: true,
    },
    {
      content: '质疑本月促销供价高于同区域其他门店。',
      verification: '经核实，其他门店为清仓特价，与客户所购规格不同。',
      plan: '向客户说明价格差异原因并提供价目表。',
      result: '已电话说明并寄送价目表，客户表示理解。',
      company: false,
    },
    {
      content: '发票抬头与开票信息不一致，要求核实后重开。',
      verification: '开票员录入抬头时遗漏“有限公司”字样。',
      plan: '作废原发票，三个工作日内重开。',
      result: '新发票已开具并快递至客户财务。',
      company: true,
    },
    {
      content: '对积分兑换礼品的到货时间有疑问，已超过承诺的 7 天。',
      verification: '礼品供应商延迟发货 3 天。',
      plan: '协调供应商加急发货，并告知客户预计到货日期。',
      result: '礼品已送达，客户签收。',
      company: true,
    },
  ],
  grievance: [
    {
      content: '送货司机态度生硬，卸货时不配合清点数量。',
      verification: '与司机及随车人员核实，当天卸货时间紧张，沟通不到位。',
      plan: '对司机进行服务规范培训，并由储运部主管致电道歉。',
      result: '已完成培训并致电道歉，客户表示接受。',
      company: true,
    },
    {
      content: '客服热线多次无人接听，问题无法及时反映。',
      verification: '当周客服中心人员请假，热线转接未设置。',
      plan: '设置热线转接至值班手机，并公布备用号码。',
      result: '热线转接已设置，客户再次来电已接通。',
      company: true,
    },
    {
      content: '业务员口头承诺的陈列费至今未兑现。',
      verification: '陈列协议未经审批，业务员越权承诺。',
      plan: '按公司标准补签陈列协议，并对业务员进行提醒谈话。',
      result: '陈列协议已补签，首期陈列费已支付。',
      company: true,
    },
    {
      content: '订单确认后临时通知缺货，影响门店促销活动。',
      verification: '系库存系统数据滞后导致超卖。',
      plan: '调拨其他仓库存补货，并修正库存同步频率。',
      result: '已从宁波仓调拨补货，促销如期进行。',
      company: true,
    },
  ],
  complaint: [
    {
      content: '到货的 20 箱饮料中有 3 箱外包装破损，要求退换。',
      verification: '经仓库核对，破损系装车时挤压所致。',
      plan: '三日内补发 3 箱并上门致歉，储运部检查装车规范。',
      result: '已补发 3 箱，客户签收；装车规范已重新培训。',
      company: true,
    },
    {
      content: '连续两次送货延误超过 2 天，造成门店断货。',
      verification: '物流承运商排班不足，延误属实。',
      plan: '更换该线路承运商，延误期间损失按协议补偿。',
      result: '已更换承运商并补偿 1,200 元，近两周送货准时。',
      company: true,
    },
    {
      content: '收到的一批产品临近保质期，剩余不足一个月。',
      verification: '仓库未执行先进先出，发出了较早批次。',
      plan: '全部退换为新批次，仓库整改出库规则。',
      result: '已全部退换，仓库整改计划已落实。',
      company: true,
    },
    {
      content: '赠品数量少于促销协议约定的每箱 2 件。',
      verification: '经清点，客户未按要求在协议期内下单，赠品按标准执行。',
      plan: '向客户解释协议条款，出示订单记录。',
      result: '客户查阅记录后认可，撤回投诉。',
      company: false,
    },
    {
      content: '开错发票税率，导致无法抵扣进项税。',
      verification: '开票员误选 9% 税率，应为 13%。',
      plan: '红冲原发票并重开，财务部复核开票流程。',
      result: '新发票已送达，客户已完成抵扣。',
      company: true,
    },
  ],
};

const DEPARTMENTS = ['储运部', '市场营销部', '财务部', '客服中心', '销售一部'];
const FEEDBACK_NOTES = [
  '处理及时，满意。',
  '问题已解决，希望以后注意。',
  '态度很好，速度还可以再快一点。',
  '基本满意。',
  null,
  null,
];
const CHANNELS: ComplaintChannel[] = ['phone', 'phone', 'phone', 'email', 'onSite', 'infoSlip', 'other'];
const TYPES: ComplaintType[] = [
  'complaint',
  'complaint',
  'grievance',
  'grievance',
  'query',
  'query',
  'suggestion',
];
const HOUR = 3_600_000;

/** The office handles complaints in office hours: a step that would fall at night moves to 9 o'clock. */
function duringOfficeHours(ms: number): number {
  const d = new Date(ms);
  if (d.getHours() >= 8 && d.getHours() < 18) return ms;
  if (d.getHours() >= 18) d.setDate(d.getDate() + 1);
  d.setHours(9, d.getMinutes(), 0, 0);
  return d.getTime();
}

/** When a complaint came in and how far the office has got with it, as of the demo's "now". */
interface Plan {
  daysAgo: number;
  type?: ComplaintType;
  stopAt: ComplaintStatus;
}

/** The recent ones are what the dashboard and the register highlight: a few overdue, most on time. */
function schedule(r: Random): Plan[] {
  const plans: Plan[] = [
    { daysAgo: 0, stopAt: 'received' },
    { daysAgo: 1, type: 'complaint', stopAt: 'verified' },
    { daysAgo: 2, stopAt: 'handling' },
    { daysAgo: 9, type: 'complaint', stopAt: 'handling' }, // overdue
    { daysAgo: 11, type: 'grievance', stopAt: 'verified' }, // overdue
    { daysAgo: 14, type: 'query', stopAt: 'received' }, // overdue
    { daysAgo: 4, stopAt: 'resolved' },
    { daysAgo: 6, stopAt: 'resolved' },
    { daysAgo: 8, stopAt: 'feedbackRecorded' },
  ];
  for (let i = 0; i < 31; i++) {
    const daysAgo = r.int(10, 240);
    plans.push({ daysAgo, stopAt: daysAgo < 30 && r.chance(0.3) ? 'feedbackRecorded' : 'closed' });
  }
  return plans;
}

/**
 * About forty complaints across the last eight months for the demo office, in every status, with their
 * timelines; recorded by the demo clerk, verified by the demo supervisor. Its own seed, so the other demo
 * data stays the same whether or not this runs.
 */
export async function demoComplaints(tx: Tx, now: Date): Promise<void> {
  const r = new Random(20261201);
  const calendar = await loadWorkingCalendar(tx);
  const dueDays = await readSetting(tx, 'complaints.dueDays');
  const customers = await tx.all<{ id: number; code: string; name: string }>(
    `SELECT id, code, name FROM customers WHERE status = 'active' ORDER BY id LIMIT 600`,
  );
  const staff = await tx.all<{ id: number; name: string }>(
    'SELECT id, name FROM staff WHERE active = 1 ORDER BY id',
  );
  const users = await tx.all<{ id: number; username: string; display_name: string }>(
    `SELECT id, username, display_name FROM users WHERE username IN ('neiqin', 'zhuguan')`,
  );
  const clerk = users.find((u) => u.username === 'neiqin');
  const supervisor = users.find((u) => u.username === 'zhuguan') ?? clerk;
  if (!customers.length || !staff.length || !clerk || !supervisor) return;

  const sequence = new Map<number, number>();
  const plans = schedule(r);
  // One complaint due today, when today is a working day (due dates always are).
  for (let back = 1; back <= 10; back++) {
    if (calendar.addWorkingDays(addDays(localDate(now), -back), dueDays.complaint) === localDate(now)) {
      plans.push({ daysAgo: back, type: 'complaint', stopAt: 'handling' });
      break;
    }
  }
  // When each came in (any hour; most during the working day), so numbers follow the received order.
  const timed = plans
    .map((plan) => {
      const hour = r.chance(0.15) ? r.pick([7, 19, 20, 21, 22]) : r.int(8, 17);
      const [y, m, d] = addDays(localDate(now), -plan.daysAgo).split('-').map(Number) as [
        number,
        number,
        number,
      ];
      return {
        plan,
        at: Math.min(new Date(y, m - 1, d, hour, r.int(0, 59)).getTime(), now.getTime() - HOUR),
      };
    })
    .sort((a, b) => a.at - b.at);
  for (const { plan, at: receivedAt } of timed) {
    const type = plan.type ?? r.pick(TYPES);
    const story = r.pick(CASES[type]);
    const customer = r.pick(customers);
    const receivedBy = r.pick(staff);
    let at = receivedAt;
    const receivedOn = localDate(new Date(at));
    const year = Number(receivedOn.slice(0, 4));
    if (!sequence.has(year)) {
      const row = await tx.get<{ seq: number | null }>(
        'SELECT max(number_seq) AS seq FROM complaints WHERE number_year = ?',
        [year],
      );
      sequence.set(year, row?.seq ?? 0);
    }
    const seq = sequence.get(year)! + 1;
    sequence.set(year, seq);

    const c: Record<string, string | number | null> = {
      number: complaintNumber(year, seq),
      number_year: year,
      number_seq: seq,
      customer_id: customer.id,
      type,
      channel: r.pick(CHANNELS),
      received_at: new Date(at).toISOString(),
      received_on: receivedOn,
      received_by_staff_id: receivedBy.id,
      content: story.content,
      due_on: calendar.addWorkingDays(receivedOn, dueDays[type]),
      status: 'received',
      created_by: clerk.id,
      created_by_name: clerk.display_name,
      created_at: new Date(at).toISOString(),
    };
    const events: {
      at: number;
      user: typeof clerk;
      action: string;
      status: string;
      detail: Record<string, unknown>;
    }[] = [
      {
        at,
        user: clerk,
        action: 'received',
        status: 'received',
        detail: {
          number: c.number,
          customer: `${customer.code} ${customer.name}`,
          type,
          channel: c.channel,
          receivedBy: receivedBy.name,
          dueOn: c.due_on,
        },
      },
    ];
    const order: ComplaintStatus[] = [
      'received',
      'verified',
      'handling',
      'resolved',
      'feedbackRecorded',
      'closed',
    ];
    const stop = order.indexOf(plan.stopAt);
    // Each step some hours after the last; a step that would lie in the future has not happened yet.
    const step = (hours: number) => {
      const next = duringOfficeHours(at + hours * HOUR);
      if (next > now.getTime() - 10 * 60_000) return null;
      at = next;
      return new Date(at).toISOString();
    };
    const department = r.pick(DEPARTMENTS);
    const person = personName(r);
    let t: string | null;
    if (stop >= 1 && (t = step(r.int(2, 20)))) {
      Object.assign(c, {
        status: 'verified',
        verification: story.verification,
        responsibility: story.company ? 'company' : 'notCompany',
        responsible_department: story.company ? department : null,
        responsible_person: story.company ? person : null,
        verified_at: t,
      });
      events.push({
        at,
        user: supervisor,
        action: 'verified',
        status: 'verified',
        detail: {
          verification: story.verification,
          responsibility: c.responsibility,
          ...(story.company ? { responsibleDepartment: department, responsiblePerson: person } : {}),
        },
      });
      const major = type === 'complaint' && story.company;
      const rectification = major
        ? `${department}于两周内完成整改：修订作业规范、全员培训，由${person}负责跟踪。`
        : null;
      if (stop >= 2 && (t = step(r.int(1, 20)))) {
        Object.assign(c, {
          status: 'handling',
          handling_plan: story.plan,
          rectification_plan: rectification,
          handling_started_at: t,
        });
        events.push({
          at,
          user: clerk,
          action: 'handling',
          status: 'handling',
          detail: { handlingPlan: story.plan, rectificationPlan: rectification },
        });
        if (stop >= 3 && (t = step(r.int(4, 60)))) {
          Object.assign(c, { status: 'resolved', handling_result: story.result, resolved_at: t });
          events.push({
            at,
            user: clerk,
            action: 'resolved',
            status: 'resolved',
            detail: { handlingResult: story.result, rectificationPlan: rectification },
          });
          const happy = story.company ? r.int(3, 5) : r.int(2, 4);
          const scores = {
            time: Math.max(1, happy - r.int(0, 1)),
            method: happy,
            process: Math.min(5, happy + r.int(0, 1)),
            result: happy,
          };
          if (stop >= 4 && (t = step(r.int(24, 96)))) {
            const note = r.pick(FEEDBACK_NOTES);
            Object.assign(c, {
              status: 'feedbackRecorded',
              score_time: scores.time,
              score_method: scores.method,
              score_process: scores.process,
              score_result: scores.result,
              feedback_on: localDate(new Date(at)),
              feedback_note: note,
              feedback_at: t,
            });
            events.push({
              at,
              user: clerk,
              action: 'feedback',
              status: 'feedbackRecorded',
              detail: { scores, feedbackOn: c.feedback_on, feedbackNote: note },
            });
            if (stop >= 5 && (t = step(r.int(1, 30)))) {
              Object.assign(c, { status: 'closed', closed_at: t });
              events.push({ at, user: supervisor, action: 'closed', status: 'closed', detail: {} });
            }
          }
        }
      }
    }
    c.updated_at = new Date(at).toISOString();
    c.version = events.length;
    const columns = Object.keys(c);
    const { lastID } = await tx.run(
      `INSERT INTO complaints (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      columns.map((k) => c[k]),
    );
    for (const e of events) {
      await tx.run(
        `INSERT INTO complaint_events (complaint_id, at, user_id, user_name, action, status_after, detail) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [
          lastID,
          new Date(e.at).toISOString(),
          e.user.id,
          e.user.display_name,
          e.action,
          e.status,
          JSON.stringify(e.detail),
        ],
      );
    }
  }
}
