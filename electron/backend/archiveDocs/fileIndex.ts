import type { ArchiveDocRole } from '@shared/schemas/archiveDoc';

/**
 * Where each role sits inside its item (件) in the printed file index (卷内文件目录). The three rules of
 * customers.md — approval before request (批复在前，请示在后), original before attachment (正本在前，附件在后),
 * printed copy before final draft (印件在前，定稿在后) — and, from the same filing standard (DA/T 22), the forwarding
 * document before the one it forwards (转发文在前，原件在后) and the Chinese text before other language versions.
 * One total order satisfies all of them; a plain document ranks with an original.
 */
export const ROLE_RANK: Readonly<Record<ArchiveDocRole, number>> = {
  forwarded: 0,
  approval: 1,
  printed: 2,
  original: 3,
  document: 3,
  request: 4,
  finalDraft: 5,
  forwardedOriginal: 6,
  attachment: 7,
  otherLanguage: 8,
};

/** The pairs the index must keep in order: [comes first, comes after]. */
export const ORDER_RULES: readonly (readonly [ArchiveDocRole, ArchiveDocRole])[] = [
  ['approval', 'request'],
  ['original', 'attachment'],
  ['printed', 'finalDraft'],
  ['forwarded', 'forwardedOriginal'],
];

export interface IndexableDoc {
  id: number;
  /** 件号: documents with the same number are one item. */
  sequence: number;
  role: ArchiveDocRole;
  pages: number;
}

export type IndexedDoc<T extends IndexableDoc> = T & { lineNo: number; startPage: number; endPage: number };

/**
 * The file index: items in sequence order, the documents of an item by the rules above (ties in the order they
 * were registered), pages numbered on through the whole file — each document from the page after the last one's
 * end to its own last page.
 */
export function orderFileIndex<T extends IndexableDoc>(docs: readonly T[]): IndexedDoc<T>[] {
  const ordered = [...docs].sort((a, b) => a.sequence - b.sequence || ROLE_RANK[a.role] - ROLE_RANK[b.role] || a.id - b.id);
  let page = 0;
  return ordered.map((doc, i) => {
    const startPage = page + 1;
    page += doc.pages;
    return { ...doc, lineNo: i + 1, startPage, endPage: page };
  });
}
