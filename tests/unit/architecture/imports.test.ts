import { beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * platform.md "Layout": renderer → shared only; electron/backend → shared only, never electron; shared → nothing
 * of ours. The project's ESLint config enforces it; these probes prove the rule fires where it should.
 */
describe('architecture import rules (ESLint)', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  /** The lines of `code` the import rules flag, and their messages. */
  async function restricted(
    code: string,
    filePath: string,
  ): Promise<{ lines: number[]; messages: string[] }> {
    const [result] = await eslint.lintText(code, { filePath });
    expect(result, filePath).toBeDefined();
    expect(
      result!.messages.filter((m) => m.fatal),
      filePath,
    ).toEqual([]);
    const hits = result!.messages.filter(
      (m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports',
    );
    return { lines: [...new Set(hits.map((m) => m.line))].sort(), messages: hits.map((m) => m.message) };
  }

  it('keeps Node and the backend out of the renderer', async () => {
    const { lines, messages } = await restricted(
      `import fs from 'node:fs';\nimport { openStore } from '../../electron/backend/db/store';\nimport sqlite3 from 'sqlite3';\nexport const probe = [fs, openStore, sqlite3];\n`,
      'renderer/src/__probe.tsx',
    );
    expect(lines).toEqual([1, 2, 3]);
    for (const m of messages) expect(m).toMatch(/renderer may import only shared/);
  });

  it('keeps electron and the hosts out of the backend', async () => {
    const { lines, messages } = await restricted(
      `import { app } from 'electron';\nexport const probe = app;\n`,
      'electron/backend/__probe.ts',
    );
    expect(lines).toEqual([1]);
    expect(messages[0]).toMatch(/plain Node/);
    const hosts = await restricted(
      `import { WEB_PREFERENCES } from '../../electron/main/security';\nimport { App } from '../../renderer/src/App';\nimport { BrowserWindow } from 'electron/main';\nexport const probe = [WEB_PREFERENCES, App, BrowserWindow];\n`,
      'electron/backend/__probe.ts',
    );
    expect(hosts.lines).toEqual([1, 2, 3]);
    // Relative paths written from inside the backend count as well.
    const relative = await restricted(
      `import { WEB_PREFERENCES } from '../../main/security';\nimport { startBrowserHost } from '../../browser-host/server';\nimport { grid } from '../customers/grids';\nexport const probe = [WEB_PREFERENCES, startBrowserHost, grid];\n`,
      'electron/backend/auth/__probe.ts',
    );
    expect(relative.lines).toEqual([1, 2]);
  });

  it('keeps Node and our other folders out of shared/', async () => {
    const { lines, messages } = await restricted(
      `import { readFileSync } from 'node:fs';\nimport { createBackend } from '../electron/backend/index';\nimport { App } from '../renderer/src/App';\nexport const probe = [readFileSync, createBackend, App];\n`,
      'shared/__probe.ts',
    );
    expect(lines).toEqual([1, 2, 3]);
    for (const m of messages) expect(m).toMatch(/shared\/ holds the contract/);
  });

  it('lets the preload import electron only', async () => {
    expect(
      (
        await restricted(
          `import { contextBridge } from 'electron';\nexport const probe = contextBridge;\n`,
          'electron/preload/__probe.ts',
        )
      ).lines,
    ).toEqual([]);
    expect(
      (
        await restricted(
          `import fs from 'node:fs';\nexport const probe = fs;\n`,
          'electron/preload/__probe.ts',
        )
      ).lines,
    ).toEqual([1]);
  });

  it('passes clean code in each layer', async () => {
    expect(
      (
        await restricted(
          `import { addDays } from '@shared/dates';\nexport const probe = addDays('2026-11-25', 1);\n`,
          'renderer/src/__probe.tsx',
        )
      ).lines,
    ).toEqual([]);
    expect(
      (
        await restricted(
          `import { join } from 'node:path';\nimport { addDays } from '@shared/dates';\nexport const probe = [join, addDays];\n`,
          'electron/backend/__probe.ts',
        )
      ).lines,
    ).toEqual([]);
    expect(
      (await restricted(`import { z } from 'zod';\nexport const probe = z.string();\n`, 'shared/__probe.ts'))
        .lines,
    ).toEqual([]);
  });
});
