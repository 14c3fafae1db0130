import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ARCHIVE_DOC_ROLES, type ArchiveDocRole } from '@shared/schemas/archiveDoc';
import { ORDER_RULES, orderFileIndex, ROLE_RANK, type IndexableDoc } from '../../../electron/backend/archiveDocs/fileIndex';

const doc = (id: number, sequence: number, role: ArchiveDocRole, pages = 1): IndexableDoc => ({ id, sequence, role, pages });

describe('the file index (卷内文件目录) order', () => {
  it('puts the approval before its request, whatever order they were registered in', () => {
    const rows = orderFileIndex([doc(1, 1, 'request', 3), doc(2, 1, 'approval', 2)]);
    expect(rows.map((r) => [r.role, r.startPage, r.endPage])).toEqual([
      ['approval', 1, 2],
      ['request', 3, 5],
    ]);
  });

  it('puts the original before its attachments, the printed copy before the final draft', () => {
    const rows = orderFileIndex([doc(1, 1, 'attachment'), doc(2, 1, 'attachment'), doc(3, 1, 'original'), doc(4, 2, 'finalDraft'), doc(5, 2, 'printed')]);
    expect(rows.map((r) => [r.id, r.role])).toEqual([
      [3, 'original'],
      [1, 'attachment'],
      [2, 'attachment'],
      [5, 'printed'],
      [4, 'finalDraft'],
    ]);
  });

  it('orders items by their number and numbers the pages on through the file', () => {
    const rows = orderFileIndex([doc(10, 3, 'document', 4), doc(11, 1, 'document', 12), doc(12, 2, 'forwardedOriginal', 3), doc(13, 2, 'forwarded', 1)]);
    expect(rows.map((r) => [r.lineNo, r.id, r.startPage, r.endPage])).toEqual([
      [1, 11, 1, 12],
      [2, 13, 13, 13],
      [3, 12, 14, 16],
      [4, 10, 17, 20],
    ]);
    expect(orderFileIndex([])).toEqual([]);
  });

  it('has a rank for every role, and the rank keeps every rule', () => {
    expect(Object.keys(ROLE_RANK).sort()).toEqual([...ARCHIVE_DOC_ROLES].sort());
    for (const [first, after] of ORDER_RULES) expect(ROLE_RANK[first], `${first} before ${after}`).toBeLessThan(ROLE_RANK[after]);
  });

  const docs = fc
    .array(fc.record({ sequence: fc.integer({ min: 1, max: 6 }), role: fc.constantFrom(...ARCHIVE_DOC_ROLES), pages: fc.integer({ min: 1, max: 50 }) }), { maxLength: 40 })
    .map((list) => list.map((d, i) => ({ ...d, id: i + 1 })));

  it('property: a permutation of the documents, items in order, every rule kept inside an item', () => {
    fc.assert(
      fc.property(docs, (list) => {
        const rows = orderFileIndex(list);
        expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(list.map((d) => d.id));
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [rows[i - 1]!, rows[i]!];
          expect(a.sequence).toBeLessThanOrEqual(b.sequence);
          if (a.sequence === b.sequence) expect(ROLE_RANK[a.role]).toBeLessThanOrEqual(ROLE_RANK[b.role]);
        }
        for (const [first, after] of ORDER_RULES) {
          for (const x of rows.filter((r) => r.role === first)) {
            for (const y of rows.filter((r) => r.role === after && r.sequence === x.sequence)) expect(x.lineNo).toBeLessThan(y.lineNo);
          }
        }
      }),
    );
  });

  it('property: pages run 1 … total without gaps or overlaps, each range as long as the document', () => {
    fc.assert(
      fc.property(docs, (list) => {
        const rows = orderFileIndex(list);
        let next = 1;
        for (const r of rows) {
          expect(r.startPage).toBe(next);
          expect(r.endPage - r.startPage + 1).toBe(r.pages);
          next = r.endPage + 1;
        }
        expect(next - 1).toBe(list.reduce((sum, d) => sum + d.pages, 0));
        expect(rows.map((r) => r.lineNo)).toEqual(rows.map((_, i) => i + 1));
      }),
    );
  });

  it('property: the order does not depend on the order the documents come in', () => {
    fc.assert(
      fc.property(docs.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))), ([list, shuffled]) => {
        expect(orderFileIndex(shuffled)).toEqual(orderFileIndex(list));
      }),
    );
  });
});
