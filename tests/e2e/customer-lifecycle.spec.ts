import { test, expect } from './support/fixtures';
import { DEMO_USERS, rowCount, signInDemo } from './support/app';
import { Grid, customerGrid } from './support/grid';
import {
  archiveCustomer,
  contactCard,
  createCustomer,
  editCustomer,
  fillCustomer,
  gotoCustomer,
  openCustomerList,
  openNewCustomer,
  openTab,
  profileValue,
  quickSearch,
  saveNewCustomer,
  showStatus,
} from './support/customers';

/** Issue spec 4 — create a customer with a contact, edit it, add a contact, archive it; the history follows. */
test.use({ setup: 'demo' });
test.describe.configure({ mode: 'serial' });

const CLERK = DEMO_USERS.neiqin;
const CUSTOMER = {
  code: 'E2E-0001',
  name: '杭州测试鑫源贸易有限公司',
  abcClass: 'B' as const,
  manager: 'KM003',
  phone: '0571-88886666',
  contact: { name: '李明', title: '总经理', mobile: '13912345678' },
};
const ADDRESS = '浙江省杭州市西湖区文三路 90 号';
let customerId = 0;
let activeBefore = 0;

const historyGrid = (page: import('@playwright/test').Page) =>
  new Grid(page, 'history-grid', 'customers.history');

test('a new customer with a contact is saved from the drawer and opens on its detail page', async ({
  page,
  host,
}) => {
  await signInDemo(page, host, 'neiqin');
  await openCustomerList(page);
  activeBefore = await rowCount(page);

  const { id, manager } = await createCustomer(page, CUSTOMER);
  customerId = id;
  expect(manager).toContain(CUSTOMER.manager);

  await expect(page.getByTestId('customer-name')).toHaveText(CUSTOMER.name);
  await expect(page.locator('.detail-code')).toHaveText(CUSTOMER.code);
  await expect(page.getByTestId('customer-status')).toHaveText('在册');
  await expect(page.getByText('B 类', { exact: true }).first()).toBeVisible();
  await expect(profileValue(page, '客户经理')).toHaveText(manager.replace(/（.*$/, ''));
  await expect(profileValue(page, '电话')).toHaveText(CUSTOMER.phone);
  await expect(profileValue(page, '地址')).toHaveText('—');

  await openTab(page, '联系人 (1)');
  const contacts = page.getByTestId('contacts');
  await expect(contacts.locator('.ag-row')).toHaveCount(1);
  await expect(contacts.locator('.ag-row [col-id="name"]')).toContainText(CUSTOMER.contact.name);
  await expect(contacts.locator('.ag-row [col-id="name"]')).toContainText('关键领导');
  await expect(contacts.locator('.ag-row [col-id="title"]')).toHaveText(CUSTOMER.contact.title);
  await expect(contacts.locator('.ag-row [col-id="mobile"]')).toHaveText(CUSTOMER.contact.mobile);

  await openTab(page, '变更记录');
  const history = historyGrid(page);
  await history.loaded();
  expect(await history.columnTexts('field')).toEqual(expect.arrayContaining(['新建档案', '新增联系人']));
  expect(await history.columnTexts('userName')).toEqual(expect.arrayContaining([CLERK.displayName]));

  // The grid counts one more active customer, and the quick search finds it by code.
  await openCustomerList(page);
  expect(await rowCount(page)).toBe(activeBefore + 1);
  await quickSearch(page, CUSTOMER.code);
  expect(await rowCount(page)).toBe(1);
  await expect(customerGrid(page).cell(0, 'name')).toHaveText(CUSTOMER.name);
});

test('editing the address is saved and recorded in 变更记录 with old value, new value and user', async ({
  page,
  host,
}) => {
  await signInDemo(page, host, 'neiqin');
  await gotoCustomer(page, customerId);
  await expect(page.getByTestId('customer-name')).toHaveText(CUSTOMER.name);

  await editCustomer(page, { address: ADDRESS });
  await expect(page.getByText('客户档案已更新')).toBeVisible();
  await expect(profileValue(page, '地址')).toHaveText(ADDRESS);

  await openTab(page, '变更记录');
  const history = historyGrid(page);
  await history.loaded();
  // Newest first: the address change is the top row.
  await expect(history.cell(0, 'field')).toHaveText('地址');
  await expect(history.cell(0, 'oldValue')).toHaveText('—');
  await expect(history.cell(0, 'newValue')).toHaveText(ADDRESS);
  await expect(history.cell(0, 'userName')).toHaveText(CLERK.displayName);
  await expect(history.cell(0, 'late')).toHaveText('');

  // Saving without changes records nothing.
  const before = await history.rows().count();
  await page.getByTestId('edit-customer').click();
  await page.getByTestId('save-customer').click();
  await expect(page.getByText('没有修改任何内容')).toBeVisible();
  await expect(history.rows()).toHaveCount(before);
});

test('a contact added in the 联系人 tab shows in the list and in the history', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  await gotoCustomer(page, customerId);
  await openTab(page, '联系人 (1)');
  await page.getByTestId('add-contact').click();
  const dialog = page.getByRole('dialog', { name: '添加联系人' });
  await expect(dialog).toBeVisible();
  // A bad mobile number is refused before anything is sent.
  await dialog.getByLabel('姓名').fill('王芳');
  await dialog.getByLabel('职务').fill('采购经理');
  await dialog.getByLabel('手机').fill('1380000');
  await dialog.getByTestId('save-contact').click();
  await expect(dialog.getByText('手机号应为 11 位数字，以 1 开头')).toBeVisible();
  await dialog.getByLabel('手机').fill('13800001111');
  await dialog.getByTestId('save-contact').click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('tab', { name: '联系人 (2)' })).toBeVisible();
  const contacts = page.getByTestId('contacts');
  await expect(contacts.locator('.ag-row')).toHaveCount(2);
  const row = contacts.locator('.ag-row').filter({ hasText: '王芳' });
  await expect(row.locator('[col-id="title"]')).toHaveText('采购经理');
  await expect(row.locator('[col-id="mobile"]')).toHaveText('13800001111');

  await openTab(page, '变更记录');
  const history = historyGrid(page);
  await history.loaded();
  await expect(history.cell(0, 'field')).toHaveText('新增联系人');
  await expect(history.cell(0, 'newValue')).toContainText('王芳');
});

test('archiving needs a reason; the customer leaves the 在册 view and shows under 已归档', async ({
  page,
  host,
}) => {
  await signInDemo(page, host, 'neiqin');
  await gotoCustomer(page, customerId);
  await expect(page.getByTestId('customer-status')).toHaveText('在册');

  // No reason, no archiving.
  await page.getByTestId('archive-customer').click();
  const dialog = page.getByRole('dialog').filter({ hasText: '归档原因' });
  await dialog.getByTestId('reason-ok').click();
  await expect(dialog.getByText('必填')).toBeVisible();
  await dialog.getByRole('button', { name: '取 消' }).click();
  await expect(page.getByTestId('customer-status')).toHaveText('在册');

  await archiveCustomer(page, '客户已停业，转为归档');
  await expect(page.getByTestId('edit-customer')).toHaveCount(0);
  await expect(page.getByTestId('restore-customer')).toBeVisible();
  await expect(profileValue(page, '归档原因')).toContainText('客户已停业，转为归档');

  await openTab(page, '变更记录');
  const history = historyGrid(page);
  await history.loaded();
  expect(await history.columnTexts('field')).toEqual(expect.arrayContaining(['状态', '归档原因']));
  expect(await history.columnTexts('newValue')).toEqual(
    expect.arrayContaining(['已归档', '客户已停业，转为归档']),
  );

  await openCustomerList(page);
  expect(await rowCount(page)).toBe(activeBefore);
  await quickSearch(page, CUSTOMER.code);
  expect(await rowCount(page)).toBe(0);
  await expect(page.getByText('没有符合条件的记录')).toBeVisible();

  await showStatus(page, '已归档');
  expect(await rowCount(page)).toBe(1);
  const grid = customerGrid(page);
  await expect(grid.cell(0, 'code')).toHaveText(CUSTOMER.code);
  await expect(grid.cell(0, 'status')).toHaveText('已归档');

  await showStatus(page, '全部');
  expect(await rowCount(page)).toBe(1);
});

test('a contact card left blank is not saved; one half filled needs its name', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  // Half filled: the name is required once anything else on the card is typed.
  await openCustomerList(page);
  const form = await openNewCustomer(page);
  await fillCustomer(page, { code: 'E2E-0002', name: '宁波测试无联系人商行', manager: 'KM001' });
  const card = contactCard(form, 1);
  await card.getByLabel('职务').fill('采购经理');
  await page.getByTestId('save-customer').click();
  await expect(card.locator('.ant-form-item-explain-error')).toHaveText('必填');
  await expect(form).toBeVisible();

  // Blank again: the card is skipped and the customer is saved without contacts.
  await card.getByLabel('职务').fill('');
  await saveNewCustomer(page);
  await expect(page.getByTestId('customer-name')).toHaveText('宁波测试无联系人商行');
  await expect(page.getByRole('tab', { name: '联系人 (0)' })).toBeVisible();
});
