import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Neiqin keeps its data when no folder is given: the same place Electron's `userData` points to for an
 * app named "Neiqin", so the browser host, the CLI and the desktop app share one database by default.
 */
export function defaultDataDir(): string {
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Neiqin');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Neiqin');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Neiqin');
}
