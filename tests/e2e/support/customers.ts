import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption, navigate, restPointer, typeDate } from './app';
import { customerGrid } from './grid';

export interface NewContact {
  name: string;
  title?: string;
  mobile?: string;
}

export interface NewCustomer {
  code: string;
  name: string;
  /** Text to search the 客户经理 select with; the demo office's managers are KM001 … KM020. */
  manager?: string;
  abcClass?: 'A' | 'B' | 'C';
  phone?: string;
  address?: string;
  contact?: NewContact;
  /** 信息获取日期 (YYYY-MM-DD); the form defaults to today. */
  receivedOn?: string;
}

/** The customer drawer (新建客户 / 编辑客户). */
export function customerForm(page: Page): Locator {
  return page.getByTestId('customer-form');
}

/** Goes to 客户台账 and waits for the grid. */
export async function openCustomerList(page: Page): Promise<void> {
  await navigate(page, '客户台账');
  await expect(page.getByRole('heading', { name: '客户台账' })).toBeVisible();
  await customerGrid(page).loaded();
}

/** Opens the new-customer drawer from 客户台账. */
export async function openNewCustomer(page: Page): Promise<Locator> {
  await page.getByTestId('new-customer').click();
  const form = customerForm(page);
  await expect(form).toBeVisible();
  return form;
}

/** Fills the fields given; leaves the others as the form has them. Returns the chosen manager's label. */
export async function fillCustomer(page: Page, c: Partial<NewCustomer>): Promise<{ manager: string | null }> {
  let manager: string | null = null;
  const form = customerForm(page);
  if (c.receivedOn !== undefined) await typeDate(form.getByLabel('信息获取日期'), c.receivedOn);
  if (c.code !== undefined) await form.getByLabel('客户编号').fill(c.code);
  if (c.name !== undefined) await form.getByLabel('客户名称').fill(c.name);
  if (c.manager !== undefined) manager = await chooseOption(page, form.getByLabel('客户经理'), c.manager);
  if (c.abcClass !== undefined)
    await form
      .locator('.ant-radio-button-wrapper')
      .filter({ hasText: `${c.abcClass} 类` })
      .click();
  if (c.phone !== undefined) await form.getByLabel('电话', { exact: true }).fill(c.phone);
  if (c.address !== undefined) await form.getByLabel('地址', { exact: true }).fill(c.address);
  if (c.contact) {
    const card = contactCard(form, 1);
    await card.getByLabel('姓名').fill(c.contact.name);
    if (c.contact.title) await card.getByLabel('职务').fill(c.contact.title);
    if (c.contact.mobile) await card.getByLabel('手机').fill(c.contact.mobile);
  }
  return { manager };
}

/** The n-th contact card (1-based) of the new-customer form. */
export function contactCard(form: Locator, n: number): Locator {
  return form
    .locator('.ant-card')
    .filter({ has: form.page().locator('.ant-card-head-title', { hasText: new RegExp(`^姓名 ${n}$`) }) });
}

/** Closes the customer drawer (after typing) with 取消 and confirms 放弃修改. */
export async function discardCustomerForm(page: Page): Promise<void> {
  await page.locator('.ant-drawer').getByRole('button', { name: '取 消' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '放弃未保存的修改？' });
  await confirm.getByRole('button', { name: '放弃修改' }).click();
  await expect(customerForm(page)).toBeHidden();
}

/** Saves the drawer and waits for the detail page it leads to; returns the customer's id. */
export async function saveNewCustomer(page: Page): Promise<number> {
  await page.getByTestId('save-customer').click();
  await expect(page).toHaveURL(/#\/customers\/\d+$/);
  await expect(customerForm(page)).toBeHidden();
  await restPointer(page);
  return Number(/#\/customers\/(\d+)$/.exec(page.url())![1]);
}

/** Creates a customer through 客户台账 › 新建客户 and ends on its detail page; returns its id and manager. */
export async function createCustomer(page: Page, c: NewCustomer): Promise<{ id: number; manager: string }> {
  await openCustomerList(page);
  await openNewCustomer(page);
  const { manager } = await fillCustomer(page, { manager: 'KM001', ...c });
  const id = await saveNewCustomer(page);
  await expect(page.getByTestId('customer-name')).toHaveText(c.name);
  return { id, manager: manager! };
}

/** Types into the grid page's quick search and presses Enter; waits for the grid to reload. */
export async function quickSearch(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('quick-search').locator('input');
  await customerGrid(page).reloaded(async () => {
    await input.fill(text);
    await input.press('Enter');
  });
}

/** Switches the grid page between 在册 / 已归档 / 全部. */
export async function showStatus(page: Page, label: '在册' | '已归档' | '全部'): Promise<void> {
  await customerGrid(page).reloaded(() =>
    page.locator('.ant-segmented').getByText(label, { exact: true }).click(),
  );
}

/** Opens a customer's detail page by its route (#/customers/<id>), as a bookmark or a pasted link would. */
export async function gotoCustomer(page: Page, id: number): Promise<void> {
  await page.evaluate((route) => {
    window.location.hash = route;
  }, `#/customers/${id}`);
}

/** Opens the edit drawer on a customer's detail page, fills the fields, saves and waits for the drawer to close. */
export async function editCustomer(page: Page, changes: Partial<NewCustomer>): Promise<void> {
  await page.getByTestId('edit-customer').click();
  await expect(customerForm(page)).toBeVisible();
  await fillCustomer(page, changes);
  await page.getByTestId('save-customer').click();
  await expect(customerForm(page)).toBeHidden();
  await restPointer(page);
}

/** Archives the customer shown on the detail page, with a reason. */
export async function archiveCustomer(page: Page, reason: string): Promise<void> {
  await page.getByTestId('archive-customer').click();
  const dialog = page.getByRole('dialog').filter({ hasText: '归档原因' });
  await dialog.getByLabel('归档原因').fill(reason);
  await dialog.getByTestId('reason-ok').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('customer-status')).toHaveText('已归档');
}

/** The detail page's tab, e.g. '变更记录' or '联系人 (2)'. */
export async function openTab(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** The profile value next to a label on the detail page's 档案 tab. */
export function profileValue(page: Page, label: string): Locator {
  return page
    .getByTestId('customer-profile')
    .locator('th.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::td[1]');
}
