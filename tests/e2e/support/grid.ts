import { expect, type Locator, type Page } from '@playwright/test';
import { bridgeOf } from './bridge';

/**
 * An AG Grid (infinite row model, AG Grid 36 DOM) found by its data-testid: one `.ag-row` per row in the
 * scrolling container, its cells (pinned or not) addressed by col-id; loading placeholders are skipped.
 */
export class Grid {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    testId: string,
    /** The contract channel the grid queries, e.g. 'customers.query'. */
    readonly channel: string,
  ) {
    this.root = page.getByTestId(testId);
  }

  /** One locator per rendered row with data. */
  rows(): Locator {
    return this.root.locator('.ag-grid-scrolling-container .ag-row:not(.ag-row-loading)');
  }

  cell(rowIndex: number, colId: string): Locator {
    return this.root.locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`);
  }

  header(colId: string): Locator {
    return this.root.locator(`.ag-header-cell[col-id="${colId}"]`);
  }

  /** Runs `action` and waits until the grid query it caused has come back and the page is quiet. */
  async reloaded(action: () => Promise<unknown>): Promise<void> {
    const log = bridgeOf(this.page);
    const mark = log.mark();
    await action();
    await log.waitFor(this.channel, mark);
  }

  /** Waits until the grid shows data rows (or its "no rows" overlay) after the last query. */
  async loaded(): Promise<void> {
    await bridgeOf(this.page).settle();
    await expect(this.rows().or(this.root.locator('.ag-overlay-no-rows-wrapper')).first()).toBeVisible();
  }

  /** The displayed text of one column in every rendered row, in row order. */
  async columnTexts(colId: string): Promise<string[]> {
    return this.root
      .locator(`.ag-grid-scrolling-container .ag-row:not(.ag-row-loading) .ag-cell[col-id="${colId}"]`)
      .evaluateAll((cells) =>
        cells
          .map((cell) => ({
            index: Number(cell.closest('.ag-row')?.getAttribute('row-index')),
            text: (cell.textContent ?? '').trim(),
          }))
          .sort((a, b) => a.index - b.index)
          .map((c) => c.text),
      );
  }

  /** The centre header's column ids in display order (pinned columns excluded). */
  async centreColumnOrder(): Promise<string[]> {
    return this.root
      .locator('.ag-header-row-column .ag-grid-scrolling-cells .ag-header-cell')
      .evaluateAll((cells) =>
        cells
          .map((cell) => ({
            id: cell.getAttribute('col-id') ?? '',
            index: Number(cell.getAttribute('aria-colindex')),
          }))
          .sort((a, b) => a.index - b.index)
          .map((c) => c.id),
      );
  }

  async columnWidth(colId: string): Promise<number> {
    const box = await this.header(colId).boundingBox();
    return Math.round(box?.width ?? 0);
  }

  /** Opens a column's filter menu through the header's filter icon. */
  async openFilter(colId: string): Promise<Locator> {
    await this.header(colId).locator('.ag-header-cell-filter-button').click();
    const menu = this.page.locator('.ag-filter-menu');
    await expect(menu).toBeVisible();
    return menu;
  }

  async closeFilter(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.locator('.ag-filter-menu')).toHaveCount(0);
  }

  /** Set filter (our SetFilter): keeps only the values with these labels, e.g. ['A 类']. */
  async filterSet(colId: string, labels: string[]): Promise<void> {
    const menu = await this.openFilter(colId);
    const filter = menu.getByTestId('set-filter');
    await this.reloaded(async () => {
      // Unticking "(全选)" clears every value; then tick the wanted ones.
      const all = filter.getByRole('checkbox', { name: '(全选)' });
      if (await all.isChecked()) await all.click();
      else {
        await all.click();
        await all.click();
      }
    });
    for (const label of labels)
      await this.reloaded(() => filter.getByRole('checkbox', { name: label, exact: true }).click());
    await this.closeFilter();
  }

  /** Text filter (AG Grid's agTextColumnFilter): "contains" `text`. */
  async filterText(colId: string, text: string): Promise<void> {
    const menu = await this.openFilter(colId);
    await this.reloaded(() => menu.locator('input.ag-input-field-input[type="text"]').first().fill(text));
    await this.closeFilter();
  }

  /** Clicks a header to sort; AG Grid cycles ascending → descending → none. */
  async clickHeader(colId: string): Promise<void> {
    await this.reloaded(() => this.header(colId).locator('.ag-header-cell-label').click());
  }

  /** Clicks the header until the column is sorted as asked (at most one full cycle). */
  async sortBy(colId: string, direction: 'ascending' | 'descending'): Promise<void> {
    for (let i = 0; i < 3 && (await this.sortOf(colId)) !== direction; i++) await this.clickHeader(colId);
    expect(await this.sortOf(colId)).toBe(direction);
  }

  async sortOf(colId: string): Promise<string | null> {
    return this.header(colId).getAttribute('aria-sort');
  }
}

/** The customer grid of 客户台账. */
export const customerGrid = (page: Page) => new Grid(page, 'customer-grid', 'customers.query');
