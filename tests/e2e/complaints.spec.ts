import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import {
  chooseOption,
  isoDaysAgo,
  navigate,
  pickOption,
  restPointer,
  rowCount,
  signIn,
  signInDemo,
  ADMIN,
} from './support/app';
import { Grid } from './support/grid';
import { bridgeOf } from './support/bridge';
import { downloadSheetPdf, pdfInfo, pdfText, squeeze } from './support/pdf';

/**
 * Issue 3 item 5 — 客户意见与投诉: a clerk records a complaint and takes it through the whole flow; closing before
 * the customer's feedback is refused with the message on screen; the register filters by type and received
 * date; overdue complaints stand out in the register, the detail and the dashboard; the 客户投诉记录单 prints.
 */
test.use({ setup: 'demo' });
test.describe.configure({ mode: 'serial' });

const CUSTOMER = 'KH000030';
const complaintGrid = (page: Page) => new Grid(page, 'complaint-grid', 'complaints.query');
let number = '';
let detailHash = '';

/** Opens a route by its hash, as a bookmark would (the page keeps its session). */
async function gotoHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

async function openRegister(page: Page): Promise<Grid> {
  await navigate(page, '客户投诉');
  await expect(page.getByRole('heading', { name: '客户投诉记录台账' })).toBeVisible();
  const grid = complaintGrid(page);
  await grid.loaded();
  return grid;
}

/** Opens a step's dialog from the detail page, lets `fill` type into it and saves; waits for the new status. */
async function runStep(
  page: Page,
  step: string,
  status: string,
  fill: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await page.getByTestId(`step-${step}-button`).click();
  const dialog = page.getByTestId(`step-${step}`);
  await expect(dialog).toBeVisible();
  await fill(dialog);
  await page.getByTestId('save-step').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('complaint-status')).toHaveText(status);
}

test('a clerk records a complaint and takes it through the flow; closing without feedback is refused with the reason shown', async ({
  page,
  host,
}) => {
  await signInDemo(page, host, 'neiqin');
  await openRegister(page);
  await page.getByTestId('new-complaint').click();
  const form = page.getByTestId('complaint-form');
  await expect(form).toBeVisible();
  const customer = await chooseOption(page, form.getByLabel('客户', { exact: true }), CUSTOMER);
  await form
    .locator('.ant-radio-button-wrapper')
    .filter({ hasText: /^投诉$/ })
    .click();
  await chooseOption(page, form.getByLabel('受理人'), 'KM002');
  await form
    .getByLabel('意见或投诉内容')
    .fill('本周到货的 30 箱矿泉水中有 4 箱外包装破损，要求退换并说明原因。');
  await page.getByTestId('save-complaint').click();

  await expect(page).toHaveURL(/#\/complaints\/\d+$/);
  await restPointer(page);
  detailHash = new URL(page.url()).hash;
  number = (await page.getByTestId('complaint-number').textContent())!;
  expect(number).toMatch(/^TS-\d{4}-\d{4}$/);
  await expect(page.getByTestId('complaint-status')).toHaveText('已受理');
  await expect(page.getByTestId('complaint-intake')).toContainText(customer);
  await expect(page.getByTestId('event-received')).toContainText('陈静');

  await runStep(page, 'verify', '已核实', async (dialog) => {
    await dialog.getByLabel('核实情况').fill('经储运部核对，破损系装车时未加护角所致。');
    await dialog
      .locator('.ant-radio-button-wrapper')
      .filter({ hasText: /^公司责任$/ })
      .click();
    await dialog.getByLabel('责任部门').fill('储运部');
    await dialog.getByLabel('责任人').fill('王建国');
  });
  await runStep(page, 'startHandling', '处理中', async (dialog) => {
    await dialog.getByLabel('处理方案').fill('两日内补发 4 箱，客户经理上门致歉。');
    await dialog.getByLabel('整改计划').fill('储运部修订装车规范，月底前全员培训。');
  });
  await runStep(page, 'resolve', '已处理', async (dialog) => {
    await expect(dialog.getByLabel('整改计划')).toHaveValue('储运部修订装车规范，月底前全员培训。');
    await dialog.getByLabel('处理结果').fill('已补发 4 箱，客户签收并表示认可。');
  });

  // 结案 before the customer has scored the handling: refused, and the page says why.
  await page.getByTestId('close-complaint').click();
  await page.getByTestId('confirm-close').click();
  const refusal = page.getByTestId('complaint-refusal');
  await expect(refusal).toContainText('尚未登记顾客回访意见');
  await expect(refusal).toContainText('不能结案');
  await expect(page.getByTestId('complaint-status')).toHaveText('已处理');

  await runStep(page, 'recordFeedback', '已回访', async (dialog) => {
    for (const [aspect, score] of [
      ['time', '4'],
      ['method', '5'],
      ['process', '4'],
      ['result', '5'],
    ]) {
      await dialog.getByTestId(`score-${aspect}`).getByText(score, { exact: true }).click();
    }
    await dialog.getByLabel('顾客意见').fill('处理及时，满意。');
  });
  await expect(page.getByTestId('complaint-refusal')).toBeHidden();
  await expect(page.getByTestId('complaint-feedback')).toContainText('4.50');

  await page.getByTestId('close-complaint').click();
  await page.getByTestId('confirm-close').click();
  await expect(page.getByTestId('complaint-status')).toHaveText('已结案');
  // Closed is final: no more steps, no corrections; the timeline lists every step.
  await expect(page.getByTestId('close-complaint')).toHaveCount(0);
  await expect(page.getByTestId('edit-complaint')).toHaveCount(0);
  const timeline = page.getByTestId('complaint-timeline');
  for (const event of ['received', 'verified', 'handling', 'resolved', 'feedback', 'closed']) {
    await expect(timeline.getByTestId(`event-${event}`)).toHaveCount(1);
  }
  await expect(timeline.getByTestId('event-verified')).toContainText('储运部');
  await expect(timeline.getByTestId('event-feedback')).toContainText('处理时间 4');
});

test('the 客户投诉记录单 of the closed complaint prints on one A4 page with every section and the scores', async ({
  page,
  host,
}) => {
  await signInDemo(page, host, 'neiqin');
  await gotoHash(page, detailHash);
  await expect(page.getByTestId('complaint-number')).toHaveText(number);
  const { bytes, fileName } = await downloadSheetPdf(page, 'complaint');
  expect(fileName).toBe(`客户投诉记录单-${number}.pdf`);
  const flat = squeeze(await pdfText(bytes));
  for (const text of [
    '客户投诉记录单',
    number,
    '受理情况',
    '核实与责任认定',
    '储运部',
    '处理情况',
    '已补发4箱',
    '顾客回访与满意度',
    '4.50',
    '核实人陈静',
    '受理人：',
    '部门负责人：',
  ]) {
    expect(flat, text).toContain(squeeze(text));
  }
  const info = await pdfInfo(bytes);
  // The office's form is one A4 page.
  expect(info.pages).toBe(1);
  expect(Math.round(info.width)).toBe(595);
});

test('the register filters by type and by received date', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  const grid = await openRegister(page);
  const all = await rowCount(page);
  expect(all).toBeGreaterThanOrEqual(30);

  // Type: only 建议.
  await grid.reloaded(async () => {
    await pickOption(page, page.getByTestId('filter-type'), /^建议$/);
  });
  await page.keyboard.press('Escape');
  const suggestions = await rowCount(page);
  expect(suggestions).toBeGreaterThan(0);
  expect(suggestions).toBeLessThan(all);
  expect(new Set(await grid.columnTexts('type'))).toEqual(new Set(['建议']));
  await grid.reloaded(() => page.getByTestId('filter-type').locator('.ant-select-clear').click());
  await expect.poll(() => rowCount(page)).toBe(all);

  // Received in the last 30 days (both ends included): fewer rows, every one inside the range.
  const from = isoDaysAgo(30);
  const to = isoDaysAgo(0);
  await grid.reloaded(async () => {
    const inputs = page.getByTestId('filter-received').locator('input');
    await inputs.first().click();
    await inputs.first().fill(from);
    await inputs.first().press('Enter');
    await inputs.nth(1).fill(to);
    await inputs.nth(1).press('Enter');
  });
  const recent = await rowCount(page);
  expect(recent).toBeGreaterThan(0);
  expect(recent).toBeLessThan(all);
  for (const text of await grid.columnTexts('receivedAt')) {
    const day = text.slice(0, 10);
    expect(day >= from && day <= to, text).toBe(true);
  }
  // Both filters together: the complaint recorded above is among the recent 投诉.
  await grid.reloaded(async () => {
    await pickOption(page, page.getByTestId('filter-type'), /^投诉$/);
  });
  await page.keyboard.press('Escape');
  expect(await grid.columnTexts('number')).toContain(number);
  expect(new Set(await grid.columnTexts('type'))).toEqual(new Set(['投诉']));
});

test('overdue complaints are highlighted in the register and the detail, and counted on the dashboard', async ({
  page,
  host,
}) => {
  await signInDemo(page, host, 'neiqin');
  // The dashboard's line leads to the register showing only the overdue ones.
  const line = page.getByTestId('today-complaints.overdue');
  await expect(line).toContainText('件客户投诉已超过处理期限');
  const count = Number(/(\d+)/.exec((await line.textContent())!)![1]);
  expect(count).toBeGreaterThanOrEqual(1);
  const grid = complaintGrid(page);
  const log = bridgeOf(page);
  const mark = log.mark();
  await line.getByRole('link').click();
  await log.waitFor('complaints.query', mark);
  await expect(page.getByRole('heading', { name: '客户投诉记录台账' })).toBeVisible();
  await expect(page.getByTestId('filter-due').locator('.ant-segmented-item-selected')).toHaveText('已逾期');
  await expect.poll(() => rowCount(page)).toBe(count);
  // Every row shown is overdue, and every cell of an overdue row is tinted.
  const tinted = await grid.root
    .locator('.ag-row:not(.ag-row-loading) .ag-cell[col-id="number"]')
    .evaluateAll((cells) => cells.map((c) => c.classList.contains('complaint-overdue')));
  expect(tinted).toEqual(Array.from({ length: count }, () => true));
  await expect(grid.cell(0, 'number')).toHaveClass(/complaint-overdue/);
  await expect(grid.cell(0, 'customerName')).toHaveClass(/complaint-overdue/);
  const overdueNumber = (await grid.cell(0, 'number').textContent())!;

  // Back to 全部: the rows not overdue are not tinted.
  await grid.reloaded(() => page.getByTestId('filter-due').getByText('全部', { exact: true }).click());
  await grid.reloaded(async () => {
    await pickOption(page, page.getByTestId('filter-status'), /^已结案$/);
  });
  await page.keyboard.press('Escape');
  await expect(grid.cell(0, 'number')).not.toHaveClass(/complaint-overdue/);
  await grid.reloaded(() => page.getByTestId('filter-status').locator('.ant-select-clear').click());

  // The detail says so too.
  const search = page.getByTestId('quick-search').locator('input');
  await grid.reloaded(async () => {
    await search.fill(overdueNumber);
    await search.press('Enter');
  });
  await grid.cell(0, 'number').dblclick();
  await expect(page.getByTestId('complaint-number')).toHaveText(overdueNumber);
  await expect(page.getByTestId('complaint-due-state')).toHaveText('已逾期');
  await expect(page.getByTestId('complaint-overdue')).toContainText('已超过处理期限');
  await expect(page.getByTestId('complaint-due-on')).toHaveClass(/complaint-overdue-text/);
});

test('the customer page lists the customer’s complaints in its 投诉 tab', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  await gotoHash(page, detailHash);
  await page.getByTestId('complaint-intake').getByRole('link').click();
  await expect(page).toHaveURL(/#\/customers\/\d+$/);
  await page.getByRole('tab', { name: '投诉' }).click();
  const grid = new Grid(page, 'customer-complaint-grid', 'complaints.query');
  await grid.loaded();
  expect(await grid.columnTexts('number')).toContain(number);
});

test('the admin sets the due days per type; a value out of range is refused under the field', async ({
  page,
  host,
}) => {
  await signIn(page, host, ADMIN.username, ADMIN.password);
  await navigate(page, '参数与数据检查');
  const card = page.getByTestId('complaint-due-days');
  await expect(card.getByTestId('due-days-complaint')).toHaveValue('3');
  await card.getByTestId('due-days-complaint').fill('0');
  await card.getByRole('button', { name: /保\s*存/ }).click();
  await expect(card.locator('.ant-form-item-explain-error')).toHaveText('不能小于 1');
  await card.getByTestId('due-days-complaint').fill('2');
  const log = bridgeOf(page);
  const mark = log.mark();
  await card.getByRole('button', { name: /保\s*存/ }).click();
  await log.waitFor('complaints.setDueDays', mark);
  await navigate(page, '工作台');
  await navigate(page, '参数与数据检查');
  await expect(page.getByTestId('complaint-due-days').getByTestId('due-days-complaint')).toHaveValue('2');
});
