import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createTarget } from '../helpers/delivery';
import { filesUnder, jobFacts, sha256Of } from '../helpers/deliveryFiles';

/**
 * A printed sheet's PDF to a target (issue 4 item 3, exports.md "Formats: .pdf"): the host renders the sheet and
 * the backend keeps it for the caller (backend.keepFile); delivery.files.send puts that kept file into the outbox
 * exactly as an export with a targetId does — target checked first, audited, delivered verified. Only the
 * caller's own kept PDF can be sent. (The rendering itself is covered by tests/e2e/delivery.spec.ts.)
 */
describe('printed sheet (PDF) → outbox → target', () => {
  let env: TestEnv;
  let clerk: TestUser;
  const pdf = Buffer.from('%PDF-1.7\n% 客户卡 KH0001\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'utf8');

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], displayName: '陈静' });
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('sends the caller’s kept PDF: {register}_{date}_{docNo}.pdf under the register’s sub-folder, verified, audited', async () => {
    const target = await createTarget(env, env.admin, { subFolder: '{register}/{yyyy}' });
    const fileId = (await env.backend.keepFile(clerk.caller, '客户卡-KH0001-鑫达包装.pdf', pdf))!;
    const sent = await env.call(clerk.caller, 'delivery.files.send', { fileId, targetId: target.id, register: '客户卡', docNo: 'KH0001' });
    expect(sent).toMatchObject({ targetId: target.id, fileName: '客户卡_2026-11-25_KH0001.pdf' });
    await env.backend.delivery.runDue();

    const job = await jobFacts(env.backend.store.reader, sent.jobId);
    expect(job.status).toBe('delivered');
    expect(job.finalPath).toBe(join(target.folder, '客户卡', '2026', '客户卡_2026-11-25_KH0001.pdf'));
    expect(await readFile(job.finalPath!)).toEqual(pdf);
    expect(await sha256Of(job.finalPath!)).toBe(job.sha256);
    const audit = await env.backend.store.reader.get<{ summary: string; userName: string }>(
      `SELECT summary, user_name AS userName FROM audit_log WHERE action = 'send' AND entity_id = ?`,
      [String(sent.jobId)],
    );
    expect(audit?.userName).toBe(clerk.username);
    expect(JSON.parse(audit!.summary)).toMatchObject({ fileName: '客户卡_2026-11-25_KH0001.pdf', bytes: pdf.length, rows: 0 });
    // Without a document number the time names the file, as for exports.
    const again = (await env.backend.keepFile(clerk.caller, 'x.pdf', pdf))!;
    expect((await env.call(clerk.caller, 'delivery.files.send', { fileId: again, targetId: target.id, register: '客户卡' })).fileName).toMatch(/^客户卡_2026-11-25_\d{4}\.pdf$/);
  });

  it('refuses another user’s file, a file that is not a PDF, a disabled target — and queues nothing', async () => {
    const target = await createTarget(env, env.admin, { subFolder: '' });
    const mine = (await env.backend.keepFile(env.admin.caller, 'a.pdf', pdf))!;
    const notPdf = (await env.backend.keepFile(clerk.caller, 'a.pdf', Buffer.from('PK\u0003\u0004 not a pdf')))!;
    const before = await env.rowCounts();
    expect(await env.fail(clerk.caller, 'delivery.files.send', { fileId: mine, targetId: target.id, register: '客户卡' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await env.fail(clerk.caller, 'delivery.files.send', { fileId: notPdf, targetId: target.id, register: '客户卡' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await env.fail(clerk.caller, 'delivery.files.send', { fileId: '../../etc/passwd', targetId: target.id, register: '客户卡' })).toMatchObject({ code: 'VALIDATION' });
    const off = await createTarget(env, env.admin, { enabled: false });
    const countsWithOff = await env.rowCounts();
    const own = (await env.backend.keepFile(clerk.caller, 'b.pdf', pdf))!;
    expect(await env.fail(clerk.caller, 'delivery.files.send', { fileId: own, targetId: off.id, register: '客户卡' })).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'targetId', key: 'delivery.errors.targetDisabled' }] },
    });
    expect((await env.rowCounts()).delivery_jobs).toBe(before.delivery_jobs);
    expect(await env.rowCounts()).toEqual(countsWithOff);
    expect(await filesUnder(target.folder)).toEqual([]);
  });
});
