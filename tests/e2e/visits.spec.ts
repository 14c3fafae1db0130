import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { chooseOption, fieldError, isoDaysAgo, navigate, openOptions, restPointer, rowCount, signInAdmin, signInDemo, typeDate } from './support/app';
import { Grid } from './support/grid';
import { createCustomer, customerForm, openCustomerList, openNewCustomer, fillCustomer, openTab, saveNewCustomer } from './support/customers';
import { bridgeOf } from './support/bridge';

/**
 * Issue 3 items 3–4: visits recorded from the customer page and listed in 客户拜访记录台账, the monthly plan
 * against what was done, the overdue-contacts list and its dashboard line, and the cadence setting.
 */
test.use({ setup: 'demo' });
test.describe.configure({ mode: 'serial' });

const FIRST = { code: 'BF0001', name: '杭州拜访测试商贸有限公司', contact: { name: '周建国', title: '总经理', mobile: '13905710001' } };
const SECOND = { code: 'BF0002', name: '宁波计划测试超市有限公司' };
const LATE = { code: 'BF0003', name: '温州逾期测试便利店' };
let manager = '';

const visitForm = (page: Page) => page.getByTestId('visit-form');
const customerVisits = (page: Page) => new Grid(page, 'customer-visit-grid', 'visits.query');
const register = (page: Page) => new Grid(page, 'visit-grid', 'visits.query');
const planLines = (page: Page) => new Grid(page, 'plan-grid', 'visitPlans.query');
const overdue = (page: Page) => new Grid(page, 'overdue-grid', 'cadence.overdue');

async function chooseChannel(page: Page, label: '走访' | '电话') {
  await visitForm(page).locator('.ant-radio-button-wrapper').filter({ hasText: label }).click();
}

/** Fills the parts of the visit form every record needs and saves; waits for the dialog to close. */
async function fillAndSaveVisit(page: Page, v: { purpose: string; content: string; contact?: string }) {
  const form = visitForm(page);
  if (v.contact) await form.getByLabel('接待人').fill(v.contact);
  await form.getByLabel('拜访目的').fill(v.purpose);
  await form.getByLabel('拜访内容').fill(v.content);
  await page.getByTestId('save-visit').click();
  await expect(form).toBeHidden();
}

async function searchGrid(page: Page, grid: Grid, text: string) {
  const input = page.getByTestId('quick-search').locator('input');
  await grid.reloaded(async () => {
    await input.fill(text);
    await input.press('Enter');
  });
}

function summaryRow(page: Page, staffName: string): Locator {
  return page.getByTestId('plan-summary').locator('.ag-row').filter({ hasText: staffName });
}

test('a visit recorded on the customer page, with a contact on file, shows in the tab and in 客户拜访记录台账', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  ({ manager } = await createCustomer(page, { ...FIRST, abcClass: 'B' }));
  await openTab(page, '拜访记录');
  await expect(page.getByTestId('cadence-status')).toContainText('从未联系');

  await page.getByTestId('new-visit').click();
  const form = visitForm(page);
  await expect(form).toBeVisible();
  await expect(form.getByText(`${FIRST.code} ${FIRST.name}`)).toBeVisible();
  // The staff member defaults to the customer's manager.
  await expect(form.locator('.ant-select').filter({ hasText: manager })).toBeVisible();
  await chooseChannel(page, '电话');
  await expect(form.getByTestId('whom-to-visit')).toHaveCount(0);
  await chooseChannel(page, '走访');
  // 分级维护: whom a 走访 to a B-class customer should meet.
  await expect(form.getByTestId('whom-to-visit')).toHaveText('B 类客户应拜访营销总监及以上');
  // Bad input first: nothing typed → the form says what is missing and nothing is saved.
  await page.getByTestId('save-visit').click();
  await expect(fieldError(form, '拜访目的')).toHaveText('必填');
  await expect(fieldError(form, '接待人')).toHaveText('必填');
  await expect(form).toBeVisible();

  // The person met comes from the customer's contacts: picking one fills in the title.
  await form.getByLabel('接待人').fill('周');
  await openOptions(page).filter({ hasText: '周建国（总经理）' }).click();
  await expect(form.getByLabel('职务')).toHaveValue('总经理');
  await form.getByLabel('客户需求').fill('希望增加节日礼盒供应');
  await form.getByRole('checkbox', { name: '重要信息' }).check();
  await fillAndSaveVisit(page, { purpose: '季度走访，了解经营情况', content: '客户计划明年新开两家门店，需提前锁定货源。' });
  await restPointer(page);

  const tab = customerVisits(page);
  await expect(tab.rows()).toHaveCount(1);
  await expect(tab.cell(0, 'channel')).toHaveText('走访');
  await expect(tab.cell(0, 'contactName')).toHaveText('周建国');
  await expect(tab.cell(0, 'significant')).toHaveText('重要信息');
  await expect(page.getByTestId('cadence-status')).not.toContainText('从未联系');

  await navigate(page, '客户拜访记录台账');
  const grid = register(page);
  await grid.loaded();
  await searchGrid(page, grid, '拜访测试');
  await expect(grid.rows()).toHaveCount(1);
  expect(await rowCount(page)).toBe(1);
  await expect(grid.cell(0, 'customerName')).toHaveText(FIRST.name);
  await expect(grid.cell(0, 'staffName')).toHaveText(manager.replace(/（.*$/, ''));
  await expect(grid.cell(0, 'purpose')).toHaveText('季度走访，了解经营情况');

  // Opening it shows the whole record and its history; it can be corrected, and the correction is kept.
  await grid.cell(0, 'customerName').dblclick();
  await expect(page.getByTestId('visit-detail')).toContainText('客户计划明年新开两家门店');
  await page.getByTestId('edit-visit').click();
  await visitForm(page).getByLabel('拜访内容').fill('客户计划明年一季度新开两家门店，需提前锁定货源。');
  await page.getByTestId('save-visit').click();
  await expect(visitForm(page)).toBeHidden();
  await expect(page.getByTestId('visit-change').filter({ hasText: '拜访内容' })).toContainText('一季度');
});

test('plan vs actual: a plan line is done once its staff member has visited the customer that month', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  await createCustomer(page, { ...SECOND, abcClass: 'C' });
  await navigate(page, '月度拜访计划');
  await expect(page.getByTestId('plan-summary')).toBeVisible();
  const staffName = manager.replace(/（.*$/, '');
  const before = summaryRow(page, staffName);
  const planned = Number(await before.locator('[col-id="planned"]').textContent());
  const done = Number(await before.locator('[col-id="done"]').textContent());

  for (const c of [FIRST, SECOND]) {
    await page.getByTestId('add-plan').click();
    const form = page.getByTestId('plan-form');
    await chooseOption(page, form.getByLabel('员工'), 'KM001');
    await chooseOption(page, form.getByLabel('客户', { exact: true }), c.code);
    await page.getByTestId('save-plan').click();
    await expect(form).toBeHidden();
  }
  const lines = planLines(page);
  await lines.reloaded(() => chooseOption(page, page.getByTestId('plan-staff').getByRole('combobox'), 'KM001'));
  await lines.loaded();
  const line = (code: string) => lines.rows().filter({ hasText: code });
  // FIRST was visited today by its manager (the test before): done at once. SECOND not yet.
  await expect(line(FIRST.code).locator('[col-id="state"]')).toHaveText('已完成');
  await expect(line(FIRST.code).locator('[col-id="visitedOn"]')).toHaveText(isoDaysAgo(0));
  await expect(line(SECOND.code).locator('[col-id="state"]')).toHaveText('待拜访');
  await expect(summaryRow(page, staffName).locator('[col-id="planned"]')).toHaveText(String(planned + 2));
  await expect(summaryRow(page, staffName).locator('[col-id="done"]')).toHaveText(String(done + 1));

  // A 走访 recorded from the register (customer chosen there) completes the second line.
  await navigate(page, '客户拜访记录台账');
  await page.getByTestId('new-visit').click();
  await chooseOption(page, visitForm(page).getByLabel('客户', { exact: true }), SECOND.code);
  await chooseChannel(page, '走访');
  await expect(visitForm(page).getByTestId('whom-to-visit')).toContainText(/^[ABC] 类客户应拜访/);
  await fillAndSaveVisit(page, { contact: '店长', purpose: '新品推介与陈列检查', content: '现场查看陈列，价格执行到位。' });
  await navigate(page, '月度拜访计划');
  await expect(summaryRow(page, staffName).locator('[col-id="done"]')).toHaveText(String(done + 2));
});

test('the overdue list shows a customer past its cadence and drops it once a call is recorded; the dashboard counts it', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  await openCustomerList(page);
  await openNewCustomer(page);
  await fillCustomer(page, { ...LATE, manager: 'KM002' });
  // Class C: a call at least every 14 days; registered 30 days ago and never called, it is 16 days overdue.
  await typeDate(customerForm(page).getByLabel('登记日期'), isoDaysAgo(30));
  await saveNewCustomer(page);

  await navigate(page, '工作台');
  const line = page.getByTestId('today-visits.overdueContacts');
  await expect(line).toContainText(/\d+ 位客户逾期未联系/);
  const countBefore = Number(/(\d+) 位/.exec((await line.textContent())!)![1]);
  await line.getByRole('link').click();
  await expect(page).toHaveURL(/#\/overdue-contacts$/);
  const grid = overdue(page);
  await grid.loaded();
  expect(await rowCount(page)).toBe(countBefore);
  await searchGrid(page, grid, LATE.code);
  await expect(grid.rows()).toHaveCount(1);
  await expect(grid.cell(0, 'name')).toHaveText(LATE.name);
  await expect(grid.cell(0, 'daysOverdue')).toHaveText('16');
  await expect(grid.cell(0, 'overdueKind')).toHaveText('电话逾期');
  await expect(grid.cell(0, 'lastContactOn')).toHaveText('从未联系');

  await grid.cell(0, 'actions').getByTestId('record-contact').click();
  await expect(visitForm(page)).toBeVisible();
  // Opened from the overdue list, the form proposes a phone call.
  await expect(visitForm(page).locator('.ant-radio-button-wrapper-checked')).toHaveText('电话');
  const log = bridgeOf(page);
  const mark = log.mark();
  await fillAndSaveVisit(page, { contact: '王店长', purpose: '了解本周订货需求', content: '客户本周动销正常，下周补货。' });
  await log.waitFor('cadence.overdue', mark);
  await expect(grid.rows()).toHaveCount(0);
  await expect(page.locator('.ag-overlay-no-rows-wrapper')).toBeVisible();

  await navigate(page, '工作台');
  await expect(page.getByTestId('today-visits.overdueContacts')).toContainText(`${countBefore - 1} 位客户逾期未联系`);
});

test('wangli (not 项目专职) sees no A-class customer in the overdue list, the register or the class report', async ({ page, host }) => {
  await signInDemo(page, host, 'wangli');
  await navigate(page, '逾期未联系');
  const grid = overdue(page);
  await grid.loaded();
  await grid.filterSet('abcClass', ['A 类']);
  expect(await rowCount(page)).toBe(0);
  await navigate(page, '客户拜访记录台账');
  const visits = register(page);
  await visits.loaded();
  await visits.filterSet('abcClass', ['A 类']);
  expect(await rowCount(page)).toBe(0);
  await navigate(page, '客户等级分布');
  await expect(page.getByTestId('class-count-A').locator('.ant-statistic-content-value')).toHaveText('0');
  await expect(page.getByTestId('class-count-B').locator('.ant-statistic-content-value')).not.toHaveText('0');
});

test('the admin sets the contact cadence; an interval out of range is refused', async ({ page, host }) => {
  await signInAdmin(page, host);
  await navigate(page, '参数与数据检查');
  const card = page.getByTestId('cadence-settings');
  const days = card.getByTestId('cadence-C-phoneDays');
  await days.fill('0');
  await card.getByTestId('save-cadence').click();
  await expect(card.locator('.ant-form-item-explain-error')).toHaveText('不能小于 1');
  await days.fill('10');
  const log = bridgeOf(page);
  const mark = log.mark();
  await card.getByTestId('save-cadence').click();
  const saved = await log.waitFor('cadence.update', mark);
  expect(saved.ok).toBe(true);
  await expect(page.getByText('联络周期已保存')).toBeVisible();
  await navigate(page, '工作台');
  await navigate(page, '参数与数据检查');
  await expect(page.getByTestId('cadence-C-phoneDays')).toHaveValue('10');
});

test('a visit entered by mistake is voided with a reason: it stays in the register, marked 已作废', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  await navigate(page, '客户拜访记录台账');
  const grid = register(page);
  await grid.loaded();
  await searchGrid(page, grid, '拜访测试');
  await expect(grid.rows()).toHaveCount(1);
  await grid.cell(0, 'customerName').dblclick();
  await expect(page.getByTestId('visit-detail')).toBeVisible();
  await page.getByTestId('void-visit').click();
  const dialog = page.getByRole('dialog', { name: /作废拜访记录/ });
  await expect(dialog).toContainText('拜访记录不能删除');
  // Bad input: no reason → the field says so, nothing is voided.
  await dialog.getByTestId('void-ok').click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toHaveText('必填');
  await dialog.getByLabel('作废原因').fill('与 11 月 20 日的记录重复录入');
  const log = bridgeOf(page);
  const mark = log.mark();
  await dialog.getByTestId('void-ok').click();
  expect((await log.waitFor('visits.void', mark)).ok).toBe(true);
  await expect(dialog).toBeHidden();
  const detail = page.getByTestId('visit-detail');
  await expect(detail).toContainText('作废：与 11 月 20 日的记录重复录入');
  // A voided record cannot be corrected or voided again.
  await expect(page.getByTestId('void-visit')).toHaveCount(0);
  await expect(page.getByTestId('edit-visit')).toHaveCount(0);
});
