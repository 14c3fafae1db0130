/** Texts of 合并重复客户, under customers.merge (zh-CN first; en-US must have the same keys — a unit test checks). */
export const zh = {
  button: '合并重复客户',
  title: '把重复档案并入“{{name}}”',
  intro:
    '重复档案的联系人、拜访记录、拜访计划、合同、投诉和档案文件都会移到本客户名下；本客户的档案资料保持不变。重复档案随后归档并注明“已合并”，它的变更记录和审计日志都保留。此操作不能撤销。',
  duplicate: '重复的客户',
  keep: '保留（本客户）',
  merged: '并入后归档',
  reason: '合并原因',
  ok: '合并',
  loading: '正在核对两份档案…',
  moves: {
    contacts: '联系人',
    visits: '拜访记录',
    planLines: '拜访计划',
    contracts: '合同',
    complaints: '投诉',
    archiveDocs: '档案文件',
  },
  holds: '档案内容',
  countOf: '{{what}} {{count}}',
  planLinesDropped: '重复档案有 {{count}} 条拜访计划与本客户同月同人的计划重复，合并时不再保留（同一次拜访只计划一次）。',
  done: '已合并：{{duplicate}} 的记录已并入本客户',
  mergedNotice: '本客户已合并到 {{into}}，联系人、拜访、合同、投诉和档案文件都在那里。',
  openMerged: '打开该客户',
  errors: {
    notActive: '客户 {{code}} 已归档，只能合并在册客户',
    aClass: 'A 类客户只能与 A 类客户合并：请先把两份档案的等级改为一致',
    pendingOrderCycle: '客户 {{code}} 有待审批的订货周期变更，请先审批或驳回后再合并',
    restoreMerged: '本客户已合并到 {{into}}，不能恢复在册',
  },
};

export const en: typeof zh = {
  button: 'Merge a duplicate',
  title: 'Merge a duplicate record into "{{name}}"',
  intro:
    "The duplicate's contacts, visits, visit plans, contracts, complaints and archive documents move to this customer; this customer's own record stays as it is. The duplicate is then archived and marked as merged; its change history and audit entries are kept. This cannot be undone.",
  duplicate: 'Duplicate customer',
  keep: 'Kept (this customer)',
  merged: 'Merged, then archived',
  reason: 'Reason for merging',
  ok: 'Merge',
  loading: 'Comparing the two records…',
  moves: {
    contacts: 'Contacts',
    visits: 'Visits',
    planLines: 'Visit plans',
    contracts: 'Contracts',
    complaints: 'Complaints',
    archiveDocs: 'Archive documents',
  },
  holds: 'Holds',
  countOf: '{{what}} {{count}}',
  planLinesDropped:
    'The duplicate has {{count}} visit plan line(s) for a month and person already planned for this customer; they are not kept (one visit is planned once).',
  done: "Merged: {{duplicate}}'s records are now this customer's",
  mergedNotice: 'This customer was merged into {{into}}; its contacts, visits, contracts, complaints and documents are there.',
  openMerged: 'Open it',
  errors: {
    notActive: 'Customer {{code}} is archived; only active customers can be merged',
    aClass: 'An A-class customer can only be merged with another A-class customer: make both classes the same first',
    pendingOrderCycle: 'Customer {{code}} has an order-cycle change waiting for approval; approve or reject it first',
    restoreMerged: 'This customer was merged into {{into}} and cannot be restored',
  },
};
