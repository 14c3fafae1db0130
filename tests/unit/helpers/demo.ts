import { createBackend, type Backend, type Caller } from '../../../electron/backend/index';
import { manualClock } from '../../../electron/backend/clock';
import { DEMO_PASSWORD } from '../../../electron/backend/demo/demoOffice';
import { ADMIN, START, tempDir } from './env';

/** The demo office as the first start's 加载演示数据 makes it, for the tests that check what screens and e2e rely on. */
export interface DemoOffice {
  backend: Backend;
  /** The administrator who loaded the demo, signed in. */
  admin: Caller;
  /** What the backend logged as errors while the demo loaded and the tests ran. */
  errors: string[];
  /** How long setup.createAdmin with the demo took. */
  loadMs: number;
  /** A demo user (neiqin, zhuguan, wangli…), signed in with the demo password. */
  login(username: string): Promise<Caller>;
  close(): Promise<void>;
}

export async function demoOffice(): Promise<DemoOffice> {
  const { dir, remove } = await tempDir();
  const errors: string[] = [];
  const backend = await createBackend({
    dataDir: dir,
    clock: manualClock(START),
    validateOutput: true,
    log: { info: () => undefined, error: (m) => errors.push(m) },
  });
  const admin: Caller = { sessionId: null };
  const started = performance.now();
  await backend.invoke(admin, 'setup.createAdmin', { ...ADMIN, loadDemo: true });
  const loadMs = performance.now() - started;
  return {
    backend,
    admin,
    errors,
    loadMs,
    async login(username) {
      const caller: Caller = { sessionId: null };
      await backend.invoke(caller, 'auth.login', { username, password: DEMO_PASSWORD });
      return caller;
    },
    async close() {
      await backend.close();
      await remove();
    },
  };
}
