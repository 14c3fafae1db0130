import { open } from 'node:fs/promises';
import { AppError } from '@shared/errors';
import { localDate } from '@shared/dates';
import type { ParsedInput } from '@shared/contract';
import type { KeptFileSent } from '@shared/schemas/delivery';
import type { ManualContext } from '../handlers';
import { exportFileName } from '../grid/exportView';
import { queueForTarget, sendableTarget } from './queue';

/** What every PDF starts with; the channel sends printed sheets, nothing else the caller happens to keep. */
const PDF_MAGIC = '%PDF-';

/**
 * 发送到导出目标 for a printed sheet (exports.md "Formats": .pdf, the same layouts the app prints). The host
 * rendered the sheet as this caller and the backend keeps the PDF for them (backend.keepFile); this puts it into
 * the outbox exactly as an export with a targetId does. Another user's file id is "not found", as for downloads.
 * File name: `{register}_{yyyy-MM-dd}_{docNo}.pdf` (the sheet's document number, e.g. the customer code), or the
 * time when the sheet has none.
 */
export async function sendKeptFile(ctx: ManualContext, input: ParsedInput<'delivery.files.send'>): Promise<KeptFileSent> {
  const target = await sendableTarget(ctx.db, input.targetId);
  const kept = ctx.files.resolve(input.fileId, ctx.session.userId);
  if (!kept || !(await startsWithPdf(kept.path))) throw new AppError('NOT_FOUND', 'errors.files.notFound');
  const now = ctx.clock.now();
  const fileName = input.docNo ? `${input.register}_${localDate(now)}_${input.docNo}.pdf` : exportFileName(input.register, now, 'pdf');
  const jobId = await queueForTarget(ctx, target, { path: kept.path, fileName, rows: 0, registerKey: null, register: input.register });
  return { jobId, targetId: target.id, targetName: target.name, fileName };
}

async function startsWithPdf(path: string): Promise<boolean> {
  const file = await open(path, 'r').catch(() => null);
  if (!file) return false;
  try {
    const head = Buffer.alloc(PDF_MAGIC.length);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.toString('latin1') === PDF_MAGIC;
  } finally {
    await file.close();
  }
}
