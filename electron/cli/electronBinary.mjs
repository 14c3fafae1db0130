// Finds the Electron binary WITHOUT triggering its download (require('electron') would start one).
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The executable's path when the Electron binary is installed, else null. */
export function installedElectron() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (override) {
    const candidate = join(override, relative ?? 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const full = join(dir, 'dist', relative);
  return existsSync(full) ? full : null;
}

/** The script that downloads the binary (the electron package no longer does it at install time). */
export function electronInstallScript() {
  return join(dirname(require.resolve('electron/package.json')), 'install.js');
}
