import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { fieldError, rowCount, signInDemo } from './support/app';
import { customerGrid } from './support/grid';
import {
  customerForm,
  discardCustomerForm,
  fillCustomer,
  openCustomerList,
  openNewCustomer,
  quickSearch,
} from './support/customers';
import { bridgeOf } from './support/bridge';

/**
 * Issue spec 5 — bad input is refused with a clear Chinese message and nothing is saved: checked in the form as
 * the user types, again in the backend (duplicate code; a payload that skips the form), and in the grid after.
 */
test.use({ setup: 'demo' });

let active = 0;
/** Every form below is complete but for the one bad field. */
const CONTACT = { name: '测试联系人', mobile: '13800002222' };

test.beforeEach(async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  await openCustomerList(page);
  active = await rowCount(page);
});

/** After the drawer is discarded: the grid counts as many customers as before and the search finds nothing. */
async function expectNothingSaved(page: Page, search: string) {
  await discardCustomerForm(page);
  await customerGrid(page).loaded();
  expect(await rowCount(page)).toBe(active);
  await quickSearch(page, search);
  expect(await rowCount(page)).toBe(0);
  await expect(page.getByText('没有符合条件的记录')).toBeVisible();
}

/** Clicks 保存 and checks the drawer stays open and no customers.create call reached the backend. */
async function saveIsBlocked(page: Page) {
  const log = bridgeOf(page);
  const mark = log.mark();
  await page.getByTestId('save-customer').click();
  await log.settle();
  await expect(customerForm(page)).toBeVisible();
  expect(log.answered('customers.create', mark)).toHaveLength(0);
}

test('a missing name is marked 必填 and nothing is saved', async ({ page }) => {
  await openNewCustomer(page);
  const form = customerForm(page);
  await fillCustomer(page, { code: 'E2E-V01', manager: 'KM002', phone: '13912345678', contact: CONTACT });
  await saveIsBlocked(page);
  await expect(fieldError(form, '客户名称')).toHaveText('必填');
  // Typing then clearing shows the message as the user types, too.
  await form.getByLabel('客户名称').fill('临时');
  await expect(fieldError(form, '客户名称')).toHaveCount(0);
  await form.getByLabel('客户名称').fill('');
  await expect(fieldError(form, '客户名称')).toHaveText('必填');
  await expectNothingSaved(page, 'E2E-V01');
});

test('a duplicate code is refused by the backend with 客户编号 … 已存在 and nothing is saved', async ({
  page,
}) => {
  await openNewCustomer(page);
  await page.getByTestId('save-customer').waitFor();
  const taken = (await customerGrid(page).columnTexts('code'))[0]!;
  expect(taken).toMatch(/^KH\d{6}$/);
  const form = customerForm(page);
  await fillCustomer(page, { code: taken, name: '重复编号测试有限公司', manager: 'KM002', contact: CONTACT });

  const log = bridgeOf(page);
  const mark = log.mark();
  await page.getByTestId('save-customer').click();
  const call = await log.waitFor('customers.create', mark);
  expect(call.ok).toBe(false);
  expect(call.error?.code).toBe('CONFLICT');

  await expect(page.getByTestId('form-error')).toContainText(`客户编号 ${taken} 已存在`);
  await expect(fieldError(form, '客户编号')).toHaveText(`客户编号 ${taken} 已存在`);
  await expect(form).toBeVisible();
  await expectNothingSaved(page, '重复编号测试');
});

test('a malformed phone number asks for an 11-digit mobile or a landline with area code', async ({
  page,
}) => {
  await openNewCustomer(page);
  const form = customerForm(page);
  await fillCustomer(page, {
    code: 'E2E-V03',
    name: '电话格式测试有限公司',
    manager: 'KM002',
    phone: '12345',
    contact: CONTACT,
  });
  await expect(fieldError(form, '电话')).toContainText('11 位手机号');
  await saveIsBlocked(page);
  // A landline without its area code is just as wrong.
  await form.getByLabel('电话', { exact: true }).fill('87654321');
  await expect(fieldError(form, '电话')).toContainText('11 位手机号');
  await form.getByLabel('电话', { exact: true }).fill('0571-87654321');
  await expect(fieldError(form, '电话')).toHaveCount(0);
  await form.getByLabel('电话', { exact: true }).fill('1391234567');
  await expect(fieldError(form, '电话')).toContainText('11 位手机号');
  await saveIsBlocked(page);
  await expectNothingSaved(page, '电话格式测试');
});

test('a name over 100 characters is refused with 不能超过 100 个字符', async ({ page }) => {
  await openNewCustomer(page);
  const form = customerForm(page);
  const name = `超长名称测试${'很'.repeat(95)}`;
  expect([...name]).toHaveLength(101);
  await fillCustomer(page, { code: 'E2E-V04', name, manager: 'KM002', contact: CONTACT });
  await expect(fieldError(form, '客户名称')).toHaveText('不能超过 100 个字符');
  await saveIsBlocked(page);
  // 100 characters are fine.
  await form.getByLabel('客户名称').fill(name.slice(0, 100));
  await expect(fieldError(form, '客户名称')).toHaveCount(0);
  await form.getByLabel('客户名称').fill(name);
  await expectNothingSaved(page, '超长名称测试');
});

test('the backend refuses the same bad input when the form is bypassed, naming the field', async ({
  page,
}) => {
  const today = new Date();
  const receivedOn = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  const attempt = (customer: Record<string, unknown>) =>
    page.evaluate(
      async ({ customer, receivedOn }) => {
        try {
          await window.neiqin.invoke('customers.create', { customer, contacts: [], receivedOn } as never);
          return null;
        } catch (err) {
          return err as {
            code: string;
            message: string;
            details?: { issues?: { path: string; key: string }[] };
          };
        }
      },
      { customer, receivedOn },
    );
  const base = {
    code: 'E2E-V05',
    name: '绕过表单测试有限公司',
    abcClass: 'C',
    managerStaffId: 1,
    registeredOn: receivedOn,
  };

  const badPhone = await attempt({ ...base, phone: '12345' });
  expect(badPhone?.code).toBe('VALIDATION');
  expect(badPhone?.details?.issues).toEqual(
    expect.arrayContaining([expect.objectContaining({ path: 'customer.phone', key: 'v.phone' })]),
  );

  const longName = await attempt({ ...base, name: '长'.repeat(101) });
  expect(longName?.code).toBe('VALIDATION');
  expect(longName?.details?.issues).toEqual(
    expect.arrayContaining([expect.objectContaining({ path: 'customer.name', key: 'v.tooLong' })]),
  );

  const noName = await attempt({ ...base, name: '' });
  expect(noName?.code).toBe('VALIDATION');
  expect(noName?.details?.issues).toEqual(
    expect.arrayContaining([expect.objectContaining({ path: 'customer.name', key: 'v.required' })]),
  );

  await customerGrid(page).reloaded(() => page.reload());
  expect(await rowCount(page)).toBe(active);
  await quickSearch(page, 'E2E-V05');
  expect(await rowCount(page)).toBe(0);
});
