/**
 * Screenshots of 合并重复客户 with the demo office, zh-CN: docs/screenshots/customer-merge-*.png. The admin (李建国)
 * finds a demo customer entered a second time by another clerk (a shorter name, two contacts, two calls), merges the
 * duplicate into it, and opens the archived duplicate. Run after a build:
 *   flock /tmp/neiqin-e2e.lock sh -c 'npx electron-vite build && npx tsx tests/screenshots/customer-merge.ts'
 */
import type { Page } from '@playwright/test';
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';
import { createDemoOffice, openOptions, runScreenshots, shooter } from './session';

/** Through the page's own bridge, as the admin signed in there: a second record of a demo B-class customer. */
async function enterDuplicate(page: Page): Promise<{ keepId: number; keepCode: string; duplicateId: number; duplicateCode: string }> {
  // tsx keeps function names with an `__name` helper the page does not have; give it one.
  await page.evaluate('globalThis.__name = (f) => f');
  return page.evaluate(async () => {
    const call = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => window.neiqin.invoke(channel, input) as Promise<ChannelOutput<C>>;
    const grid = await call('customers.query', {
      startRow: 0,
      endRow: 50,
      filterModel: { abcClass: { filterType: 'set', values: ['B'] } },
      sortModel: [{ colId: 'code', sort: 'asc' }],
    });
    const keep = grid.rows.find((r) => /有限公司$/.test(r.name)) ?? grid.rows[0]!;
    const { customer: kept } = await call('customers.get', { id: keep.id });
    const today = new Date().toISOString().slice(0, 10);
    const { customer } = await call('customers.create', {
      customer: {
        code: `${kept.code}-2`,
        name: kept.name.replace(/有限(责任)?公司$/, ''),
        abcClass: 'B',
        managerStaffId: kept.managerStaffId,
        registeredOn: today,
        phone: kept.phone,
        address: kept.address,
      },
      contacts: [
        { name: '郑晓燕', title: '采购主管', mobile: '13967123456', isKeyLeader: false },
        { name: '钱伟', title: '财务', mobile: '13867654321', isKeyLeader: false },
      ],
      receivedOn: today,
    });
    for (const [days, purpose] of [[6, '确认年底备货数量'], [2, '催交上月对账单']] as const) {
      const d = new Date();
      d.setDate(d.getDate() - days);
      await call('visits.create', {
        customerId: customer.id,
        visit: {
          visitedOn: d.toISOString().slice(0, 10),
          staffId: kept.managerStaffId,
          channel: 'phone',
          contactName: '郑晓燕',
          contactTitle: '采购主管',
          purpose,
          content: '客户表示按上月数量备货，月底前回复最终数量。',
        },
      });
    }
    return { keepId: kept.id, keepCode: kept.code, duplicateId: customer.id, duplicateCode: customer.code };
  });
}

runScreenshots(async ({ page }) => {
  const shot = shooter(page, { prefix: 'customer-merge-', mouseAway: true, waitForToasts: true, settleMs: 500 });
  await createDemoOffice(page);
  const { keepId, duplicateCode, duplicateId } = await enterDuplicate(page);

  await page.evaluate((id) => {
    window.location.hash = `#/customers/${id}`;
  }, keepId);
  await page.getByTestId('merge-customer').click();
  const dialog = page.getByRole('dialog');
  const picker = dialog.locator('#merge-duplicate');
  await picker.click();
  await picker.fill(duplicateCode);
  await openOptions(page).filter({ hasText: duplicateCode }).first().click();
  await dialog.getByTestId('merge-preview').waitFor();
  await dialog.getByLabel('合并原因').fill('同一家公司被两位业务员分别建档，以原档案为准');
  await shot('dialog', dialog);
  await dialog.getByTestId('merge-ok').click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('tab', { name: /联系人/ }).click();
  await shot('kept-contacts');
  // A moved call: its own 修改记录 says which customer it was filed under before.
  await page.getByRole('tab', { name: '拜访记录' }).click();
  await page.getByTestId('customer-visit-grid').locator('.ag-row', { hasText: '郑晓燕' }).first().dblclick();
  await page.getByRole('dialog').getByText(duplicateCode).waitFor();
  await shot('moved-visit', page.getByRole('dialog'));
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  await page.evaluate((id) => {
    window.location.hash = `#/customers/${id}`;
  }, duplicateId);
  await page.getByTestId('customer-merged-notice').waitFor();
  await page.getByRole('tab', { name: '变更记录' }).click();
  await page.getByTestId('history-grid').locator('.ag-row').first().waitFor();
  await shot('duplicate');
});
