import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { test, expect } from './support/fixtures';
import { navigate, restPointer, rowCount, signInAdmin } from './support/app';
import { Grid } from './support/grid';
import { bridgeOf } from './support/bridge';
import { openCustomerList } from './support/customers';
import { pdfInfo, pdfText, squeeze } from './support/pdf';
import { targetFormatItem } from './support/exports';

/**
 * Issue 4 — export targets and delivery through the outbox, in the real UI: the admin defines a target (a folder
 * this test makes), exports the customer register to it while the folder is away (the job waits, 不可达), and
 * once the folder is back 立即重试 delivers the file under its final name; the file opens with ExcelJS. A customer
 * card goes to the target as PDF (发送到导出目标 on the print button) and is read there with poppler; a job that
 * cannot be delivered is abandoned (放弃) with a required reason.
 */
test.use({ setup: 'demo' });
test.describe.configure({ mode: 'serial' });

const TARGET = 'e2e 共享盘';
let share = '';
let parent = '';

test.beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'neiqin-e2e-share-'));
  share = join(parent, '营销部台账');
  await mkdir(share);
});
test.afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

test('the admin defines an export target: bad folders are refused as typed, a good one is checked 可用', async ({ page, host }) => {
  await signInAdmin(page, host);
  await navigate(page, '导出目标');
  await expect(page.getByRole('heading', { name: '导出目标' })).toBeVisible();
  const targets = new Grid(page, 'target-grid', 'delivery.targets.query');
  await targets.loaded();

  await page.getByTestId('new-target').click();
  const dialog = page.getByRole('dialog', { name: '新建目标' });
  await dialog.getByLabel('名称', { exact: true }).fill(TARGET);
  // A relative path and a device name are refused in Chinese as they are typed.
  await dialog.getByLabel('文件夹', { exact: true }).fill('营销部\\台账');
  await expect(dialog.getByText('请填写完整路径')).toBeVisible();
  await dialog.getByLabel('文件夹', { exact: true }).fill('/mnt/CON/台账');
  await expect(dialog.getByText('“CON”是 Windows 保留的设备名，不能用作文件夹')).toBeVisible();
  await dialog.getByLabel('文件夹', { exact: true }).fill(share);
  await dialog.getByLabel('子文件夹规则').fill('{register}/../{yyyy}');
  await expect(dialog.getByText('子文件夹规则不能含“.”或“..”')).toBeVisible();
  await dialog.getByLabel('子文件夹规则').fill('{register}/{yyyy}/{MM}');
  await expect(dialog.getByTestId('target-example')).toContainText(`${share}/客户档案台账/`);

  await targets.reloaded(() => dialog.getByRole('button', { name: '保 存' }).click());
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`已保存导出目标“${TARGET}”`)).toBeVisible();
  const row = targets.rows().filter({ hasText: TARGET });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('target-state-ok')).toHaveText('可用');
});

test('an export sent while the folder is away waits as a job (不可达) and is delivered by 立即重试 once it is back', async ({ page, host }) => {
  await signInAdmin(page, host);
  await openCustomerList(page);
  const shown = await rowCount(page);

  // The share goes away (the file server is down).
  const away = `${share}-离线`;
  await rename(share, away);

  const toTarget = await targetFormatItem(page, TARGET, 'Excel (.xlsx)');
  const log = bridgeOf(page);
  const mark = log.mark();
  await toTarget.click();
  const sent = await log.waitFor('customers.export', mark);
  const file = sent.value as { fileName: string; rows: number; delivery: { jobId: number } };
  expect(file.rows).toBe(shown);
  expect(file.delivery.jobId).toBeGreaterThan(0);
  await expect(page.getByText(`已导出 ${shown} 行，正在发送到“${TARGET}”`)).toBeVisible();
  await expect(page.getByText(`“${file.fileName}”暂未送达“${TARGET}”：目标不可达`)).toBeVisible();
  await restPointer(page);

  await navigate(page, '导出任务');
  const jobs = new Grid(page, 'job-grid', 'delivery.jobs.query');
  await jobs.loaded();
  const job = jobs.rows().filter({ hasText: file.fileName });
  await expect(job.getByTestId('job-state-failed')).toHaveText('失败·待重试');
  await expect(job.getByTestId(`job-reason-${file.delivery.jobId}`)).toHaveText('目标不可达');
  // Nothing reached a final name anywhere while the folder was away.
  expect(await readdir(away)).toEqual([]);

  // The share is back: 立即重试 delivers it at once.
  await rename(away, share);
  await page.getByTestId(`retry-job-${file.delivery.jobId}`).click();
  await expect(page.getByText(`“${file.fileName}”已送达`)).toBeVisible();
  await expect(job.getByTestId('job-state-delivered')).toHaveText('已送达');

  // The file is in {register}/{yyyy}/{MM} under its final name, and it is the register.
  const now = new Date();
  const folder = join(share, '客户档案台账', String(now.getFullYear()), String(now.getMonth() + 1).padStart(2, '0'));
  expect(await readdir(folder)).toEqual([file.fileName]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(folder, file.fileName));
  const sheet = book.worksheets[0]!;
  expect(sheet.name).toBe('客户档案台账');
  expect(sheet.actualRowCount).toBe(shown + 3);

  // Every attempt is in the job's log: the failed one and the delivery.
  await page.getByTestId(`attempts-job-${file.delivery.jobId}`).click();
  const attempts = page.getByTestId('attempts');
  await expect(attempts.getByText('已送达')).toBeVisible();
  await expect(attempts.getByText('目标不可达')).toBeVisible();
});

test('a customer card sent as PDF to the target is found there, a real A4 PDF of that customer', async ({ page, host }) => {
  await signInAdmin(page, host);
  await openCustomerList(page);
  await page.locator('.ag-row').first().dblclick();
  const name = (await page.getByTestId('customer-name').textContent())!;

  const log = bridgeOf(page);
  const mark = log.mark();
  await page.getByTestId('pdf-send-customer-card').click();
  await expect(page.getByText('发送到导出目标')).toBeVisible();
  await page.getByRole('menuitem', { name: new RegExp(TARGET) }).click();
  const sent = (await log.waitFor('delivery.files.send', mark)).value as { fileName: string; jobId: number };
  expect(sent.fileName).toMatch(/^客户卡_\d{4}-\d{2}-\d{2}_[A-Z0-9]+\.pdf$/);
  await expect(page.getByText(`“${sent.fileName}”已送达“${TARGET}”`)).toBeVisible();

  // Under the target's {register}/{yyyy}/{MM} with 客户卡 as the register, and it is the sheet, on A4.
  const now = new Date();
  const folder = join(share, '客户卡', String(now.getFullYear()), String(now.getMonth() + 1).padStart(2, '0'));
  expect(await readdir(folder)).toEqual([sent.fileName]);
  const bytes = await readFile(join(folder, sent.fileName));
  const text = squeeze(await pdfText(bytes));
  expect(text).toContain('客户卡');
  expect(text).toContain(squeeze(name));
  const info = await pdfInfo(bytes);
  expect(info.pages).toBeGreaterThanOrEqual(1);
  expect([Math.round(info.width), Math.round(info.height)]).toEqual([595, 842]);

  await navigate(page, '导出任务');
  const jobs = new Grid(page, 'job-grid', 'delivery.jobs.query');
  await jobs.loaded();
  await expect(jobs.rows().filter({ hasText: sent.fileName }).getByTestId('job-state-delivered')).toHaveText('已送达');
});

test('the admin abandons a job that cannot be delivered: a reason is required, the job is 已放弃 and never arrives', async ({ page, host }) => {
  await signInAdmin(page, host);
  await openCustomerList(page);
  const away = `${share}-离线`;
  await rename(share, away);
  try {
    const toTarget = await targetFormatItem(page, TARGET, 'CSV');
    const log = bridgeOf(page);
    const mark = log.mark();
    await toTarget.click();
    const file = (await log.waitFor('customers.export', mark)).value as { fileName: string; delivery: { jobId: number } };
    await expect(page.getByText(`“${file.fileName}”暂未送达“${TARGET}”：目标不可达`)).toBeVisible();
    await restPointer(page);

    await navigate(page, '导出任务');
    const jobs = new Grid(page, 'job-grid', 'delivery.jobs.query');
    await jobs.loaded();
    const job = jobs.rows().filter({ hasText: file.fileName });
    await expect(job.getByTestId('job-state-failed')).toBeVisible();
    await page.getByTestId(`abandon-job-${file.delivery.jobId}`).click();
    const dialog = page.getByRole('dialog', { name: `放弃发送“${file.fileName}”` });
    // Without a reason it cannot be abandoned: the field says so and the job stays as it was.
    await dialog.getByTestId('abandon-ok').click();
    await expect(dialog.locator('.ant-form-item-explain-error')).toHaveText('必填');
    await expect(job.getByTestId('job-state-failed')).toBeVisible();
    await dialog.getByTestId('abandon-reason').fill('共享盘停用，本月报表改由邮件报送');
    await jobs.reloaded(() => dialog.getByTestId('abandon-ok').click());
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`已放弃“${file.fileName}”`)).toBeVisible();
    await expect(job.getByTestId('job-state-abandoned')).toHaveText('已放弃');
    await expect(job.getByTestId(`job-reason-${file.delivery.jobId}`)).toContainText('放弃：共享盘停用，本月报表改由邮件报送');
    // A closed job offers no retry, redirect or abandon any more.
    await expect(page.getByTestId(`retry-job-${file.delivery.jobId}`)).toHaveCount(0);
    await expect(page.getByTestId(`redirect-job-${file.delivery.jobId}`)).toHaveCount(0);
    await expect(page.getByTestId(`abandon-job-${file.delivery.jobId}`)).toHaveCount(0);
  } finally {
    await rename(away, share);
  }
  // The share is back: the file of the abandoned job is not there (its outbox copy is gone too).
  const csvs = (await readdir(join(share, '客户档案台账'), { recursive: true })).filter((f) => String(f).endsWith('.csv'));
  expect(csvs).toEqual([]);
});

test('客户资源统计表 goes to the target from its own export menu', async ({ page, host }) => {
  await signInAdmin(page, host);
  await navigate(page, '客户资源统计');
  await expect(page.getByTestId('stats-staff').locator('.ag-row').first()).toBeVisible();
  const toTarget = await targetFormatItem(page, TARGET, 'Excel (.xlsx)');
  const log = bridgeOf(page);
  const mark = log.mark();
  await toTarget.click();
  const file = (await log.waitFor('customers.resourceStatsExport', mark)).value as { fileName: string };
  await expect(page.getByText(`“${file.fileName}”已送达“${TARGET}”`)).toBeVisible();
  const now = new Date();
  const folder = join(share, '客户资源统计表', String(now.getFullYear()), String(now.getMonth() + 1).padStart(2, '0'));
  expect(await readdir(folder)).toEqual([file.fileName]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(folder, file.fileName));
  expect(book.worksheets[0]!.getCell('A1').value).toBe('客户资源统计表');
});
