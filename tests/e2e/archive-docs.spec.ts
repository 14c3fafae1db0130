import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { pickOption, signInDemo } from './support/app';
import { createCustomer, gotoCustomer, openTab } from './support/customers';
import { downloadSheetPdf, pdfInfo, pdfText, squeeze } from './support/pdf';

/**
 * Issue 3 item 7 — 档案文件登记: paper documents registered in the order they arrived come out in the file index
 * (卷内文件目录) ordered by the filing rules, with page ranges; items can be moved; the index prints to PDF.
 */
test.use({ setup: 'demo' });
test.describe.configure({ mode: 'serial' });

const CUSTOMER = { code: 'E2E-DA01', name: '无锡档案测试实业有限公司', manager: 'KM004' };
let customerId = 0;

const panel = (page: Page) => page.getByTestId('archive-docs');
const docForm = (page: Page) => page.getByTestId('archive-doc-form');

interface Doc {
  item?: RegExp | string;
  role: string;
  kind: string;
  title: string;
  pages: number;
}

async function register(page: Page, doc: Doc): Promise<void> {
  await page.getByTestId('add-archive-doc').click();
  const form = docForm(page);
  await expect(form).toBeVisible();
  if (doc.item) await chooseSelect(page, form.getByLabel('件号'), doc.item);
  await chooseSelect(page, form.getByLabel('类别'), doc.role);
  await form.getByLabel('文种').fill(doc.kind);
  await form.getByLabel('题名').fill(doc.title);
  await form.getByLabel('页数').fill(String(doc.pages));
  await page.getByTestId('save-archive-doc').click();
  await expect(form).toBeHidden();
}

/** Opens an antd Select and clicks the option whose text matches (no typing: these selects do not search). */
async function chooseSelect(page: Page, select: Locator, text: RegExp | string): Promise<void> {
  await pickOption(page, select, text);
}

/** The panel's rows as "件号 类别 题名 页号", in display order. */
async function rows(page: Page): Promise<string[]> {
  const grid = panel(page);
  await expect(grid.locator('.ag-row').first()).toBeVisible();
  return grid.locator('.ag-grid-scrolling-container .ag-row:not(.ag-row-loading)').evaluateAll((list) =>
    list
      .map((row) => ({
        index: Number(row.getAttribute('row-index')),
        text: ['sequence', 'role', 'title', 'pageRange'].map((c) => row.querySelector(`[col-id="${c}"]`)?.textContent?.trim() ?? '').join(' '),
      }))
      .sort((a, b) => a.index - b.index)
      .map((r) => r.text),
  );
}

test('documents registered out of order are listed by the filing rules with page ranges', async ({ page, host }) => {
  test.slow(); // the first test of the file also loads the demo office
  await signInDemo(page, host, 'neiqin');
  customerId = (await createCustomer(page, CUSTOMER)).id;
  await openTab(page, '档案文件');
  await expect(panel(page).getByText('尚未登记档案文件')).toBeVisible();

  // The request arrived first, its approval later; the contract's attachment before the contract itself.
  await register(page, { role: '请示', kind: '请示', title: '关于给予授信额度的请示', pages: 3 });
  await register(page, { item: /第 1 件/, role: '批复', kind: '批复', title: '关于同意给予授信额度的批复', pages: 1 });
  await register(page, { role: '附件', kind: '合同附件', title: '产品报价单', pages: 2 });
  await register(page, { item: /第 2 件/, role: '正本', kind: '合同', title: '年度产品购销合同', pages: 8 });

  expect(await rows(page)).toEqual([
    '1 批复 关于同意给予授信额度的批复 1',
    '1 请示 关于给予授信额度的请示 2–4',
    '2 正本 年度产品购销合同 5–12',
    '2 附件 产品报价单 13–14',
  ]);
  await expect(page.getByTestId('archive-docs-summary')).toHaveText('共 2 件 4 份文件，14 页');
});

test('moving an item down renumbers the file and its pages', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  await gotoCustomer(page, customerId);
  await openTab(page, '档案文件');
  await expect(panel(page).locator('.ag-row').first()).toBeVisible();
  await panel(page).locator('.ag-row[row-index="0"]').getByRole('button', { name: '下移一件' }).click();
  await expect.poll(() => rows(page)).toEqual([
    '1 正本 年度产品购销合同 1–8',
    '1 附件 产品报价单 9–10',
    '2 批复 关于同意给予授信额度的批复 11',
    '2 请示 关于给予授信额度的请示 12–14',
  ]);
});

test('the file index prints to PDF in the same order, pages numbered', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  await gotoCustomer(page, customerId);
  await openTab(page, '档案文件');
  const { bytes, fileName } = await downloadSheetPdf(page, 'file-index');
  expect(fileName).toBe(`卷内文件目录-${CUSTOMER.code}-${CUSTOMER.name}.pdf`);
  const flat = squeeze(await pdfText(bytes));
  expect(flat).toContain('卷内文件目录');
  expect(flat).toContain(CUSTOMER.name);
  // Long titles wrap inside their cell, so each row is found by the start of its title (the first line).
  const order = ['年度产品购销', '产品报价单', '关于同意给予', '关于给予授信'].map((t) => flat.indexOf(t));
  expect(order.every((i) => i >= 0), JSON.stringify(order)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  // Page ranges as the index prints them: a one-page document by its page alone.
  for (const range of ['1–8', '9–10', '12–14']) expect(flat).toContain(range);
  expect(flat).toContain('立卷人：');
  expect(flat).toMatch(/第1页\/共1页/);
  expect((await pdfInfo(bytes)).pages).toBe(1);
});

test('a document registered by mistake is removed with a reason; the file renumbers its pages', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  await gotoCustomer(page, customerId);
  await openTab(page, '档案文件');
  await expect(panel(page).locator('.ag-row').first()).toBeVisible();
  // The quotation (附件, pages 9–10) was registered by mistake.
  await panel(page).locator('.ag-row').filter({ hasText: '产品报价单' }).getByRole('button', { name: '移除' }).click();
  const dialog = page.getByRole('dialog', { name: '移除档案文件“产品报价单”' });
  await dialog.getByTestId('remove-archive-doc-ok').click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toHaveText('必填');
  await dialog.getByLabel('移除原因').fill('报价单为复印件，原件另行归档');
  await dialog.getByTestId('remove-archive-doc-ok').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('档案文件已移除')).toBeVisible();
  await expect.poll(() => rows(page)).toEqual([
    '1 正本 年度产品购销合同 1–8',
    '2 批复 关于同意给予授信额度的批复 9',
    '2 请示 关于给予授信额度的请示 10–12',
  ]);
  await expect(page.getByTestId('archive-docs-summary')).toHaveText('共 2 件 3 份文件，12 页');
});
