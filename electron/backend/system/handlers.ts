import { handlers } from '../registry';
import { runDoctor } from '../db/doctor';

export const systemHandlers = handlers({
  // The FTS5 integrity command is an INSERT into the virtual table that changes nothing; it must go through the
  // writer (the read connection is query-only), queued like any other write.
  'system.doctor': async (_input, ctx) =>
    runDoctor(ctx.db, { ftsCheck: (sql) => ctx.store.write((tx) => tx.run(sql)) }),
});
