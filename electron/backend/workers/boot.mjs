// The worker's first file when the backend runs from its TypeScript sources (browser host under tsx, Vitest):
// Node 20 does not apply the parent's --import loaders inside a worker thread, so the worker loads its real
// entry (workerMain.ts) through tsx's API itself. The Electron build never uses this file: its worker is the
// bundled out/main/worker.js (see launch.ts).
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
