import { test, expect } from './support/fixtures';
import { signInDemo, navigate } from './support/app';
import { editCustomer, gotoCustomer, openTab, quickSearch } from './support/customers';
import { downloadSheetPdf, pdfInfo, pdfText, squeeze } from './support/pdf';

test.use({ setup: 'demo' });
test.describe.configure({ mode: 'serial' });

/** A4 in PDF points (portrait). */
const A4 = { width: 595, height: 842 };

/**
 * Printing (issue 3 item 2): each sheet is exported to PDF through the UI — the browser host renders the sheet's
 * route in Chromium — and the PDF is checked with poppler: its text, page size and page count.
 */
test.describe('printed customer sheets', () => {
  test('the customer card prints the record and its contacts on A4 with page numbers', async ({ page, host }) => {
    await signInDemo(page, host, 'neiqin');
    await navigate(page, '客户台账');
    await quickSearch(page, '有限公司');
    await page.locator('.ag-row').first().dblclick();
    const name = (await page.getByTestId('customer-name').textContent())!;
    const { bytes, fileName } = await downloadSheetPdf(page, 'customer-card');
    expect(fileName).toMatch(/^客户卡-.+\.pdf$/);
    const text = await pdfText(bytes);
    const flat = squeeze(text);
    expect(flat).toContain('客户卡');
    expect(flat).toContain(squeeze(name));
    expect(flat).toContain('客户基本信息');
    expect(flat).toContain('联系人');
    expect(flat).toContain('最近拜访');
    expect(flat).toContain('未结投诉');
    expect(flat).toMatch(/第1页\/共\d+页/);
    expect(flat).toContain('打印人：');
    expect(flat).toContain('部门负责人：');
    const info = await pdfInfo(bytes);
    expect(info.pages).toBeGreaterThanOrEqual(1);
    expect(info.pages).toBeLessThanOrEqual(2);
    expect(Math.round(info.width)).toBe(A4.width);
    expect(Math.round(info.height)).toBe(A4.height);
  });

  test('the change history prints landscape, oldest change first, with the new value', async ({ page, host }) => {
    await signInDemo(page, host, 'neiqin');
    await navigate(page, '客户台账');
    await quickSearch(page, '有限公司');
    await page.locator('.ag-row').first().dblclick();
    await expect(page.getByTestId('customer-profile')).toBeVisible();
    const url = page.url();
    const id = Number(/#\/customers\/(\d+)/.exec(url)?.[1]);
    await editCustomer(page, { address: '江苏省南京市鼓楼区中山北路 88 号' });
    await gotoCustomer(page, id);
    await openTab(page, '变更记录');
    const { bytes } = await downloadSheetPdf(page, 'customer-history');
    const flat = squeeze(await pdfText(bytes));
    expect(flat).toContain('客户档案变更记录');
    expect(flat).toContain('江苏省南京市鼓楼区中山北路88号');
    expect(flat.indexOf('建档')).toBeLessThan(flat.indexOf('江苏省南京市鼓楼区中山北路88号'));
    const info = await pdfInfo(bytes);
    expect(Math.round(info.width)).toBe(A4.height);
    expect(Math.round(info.height)).toBe(A4.width);
  });

  test('a sheet opened by its address shows a toolbar; an unknown sheet says so', async ({ page, host }) => {
    await signInDemo(page, host, 'neiqin');
    await page.evaluate(() => {
      window.location.hash = '#/print/no-such-sheet/1';
    });
    await expect(page.getByText('没有这种打印单：no-such-sheet')).toBeVisible();
  });
});
