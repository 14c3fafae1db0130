import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupCheck, BackupKind } from '@shared/schemas/backups';
import { isBackupName } from './names';

/** One line of the backup log. */
export interface CatalogEntry {
  /** The file name (also the id the page sends back). */
  id: string;
  /** Folder under backups/ ('' or 'bad'). */
  folder: '' | 'bad';
  at: string;
  kind: BackupKind;
  check: BackupCheck;
  size: number;
  durationMs: number;
  schema: number | null;
  detail: string | null;
  /** Set when retention deleted the file: the log keeps the line. */
  removedAt: string | null;
}

export const CATALOG_FILE = 'backup-log.json';
/** The log keeps at most this many lines; the oldest removed ones go first. */
const MAX_ENTRIES = 2000;

const kindOf = (name: string): BackupKind =>
  name.startsWith('pre-restore_') ? 'preRestore' : name.startsWith('damaged_') ? 'damaged' : 'manual';

/** The instant in a backup name (local time), for files found without a log line. */
function instantOf(name: string): string {
  const m = /_(\d{4})-(\d{2})-(\d{2})_(\d{2})(\d{2})(\d{2})/.exec(name);
  if (!m) return new Date(0).toISOString();
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return new Date(y!, mo! - 1, d!, h, mi, s).toISOString();
}

/**
 * The backup log, a JSON file in the backups folder rather than a table: it must be readable when the database is
 * not (recovery mode), and it must not go back in time when an older database is restored. Written whole to a
 * temporary file and renamed, so a crash leaves the old log or the new one, never half of one. Changes are
 * serialised in this process.
 */
export class BackupCatalog {
  private entries: CatalogEntry[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(readonly dir: string) {}

  /** Loads the log; copies in the folder that it does not know (a lost or damaged log) are added as unchecked. */
  static async load(dir: string): Promise<BackupCatalog> {
    const catalog = new BackupCatalog(dir);
    try {
      const parsed = JSON.parse(await readFile(join(dir, CATALOG_FILE), 'utf8')) as {
        entries?: CatalogEntry[];
      };
      catalog.entries = Array.isArray(parsed.entries) ? parsed.entries : [];
    } catch {
      catalog.entries = [];
    }
    const known = new Set(catalog.entries.map((e) => e.id));
    const found = await readdir(dir).catch(() => [] as string[]);
    const strays = found.filter((name) => isBackupName(name) && !known.has(name));
    for (const id of strays) {
      catalog.entries.push({
        id,
        folder: '',
        at: instantOf(id),
        kind: kindOf(id),
        check: 'unchecked',
        size: 0,
        durationMs: 0,
        schema: null,
        detail: null,
        removedAt: null,
      });
    }
    if (strays.length > 0) await catalog.update(() => undefined);
    return catalog;
  }

  /** Newest first: by time, and of two made at the same instant the one logged later first. */
  list(): CatalogEntry[] {
    return this.entries
      .map((e, i) => ({ e, i }))
      .sort((a, b) => (a.e.at === b.e.at ? b.i - a.i : b.e.at.localeCompare(a.e.at)))
      .map(({ e }) => e);
  }

  find(id: string): CatalogEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  path(entry: CatalogEntry): string {
    return entry.folder ? join(this.dir, entry.folder, entry.id) : join(this.dir, entry.id);
  }

  /** Applies a change and writes the log; changes run one after another. */
  update(change: (entries: CatalogEntry[]) => void): Promise<void> {
    const run = this.queue.then(async () => {
      const next = this.entries.map((e) => ({ ...e }));
      change(next);
      while (next.length > MAX_ENTRIES) {
        const oldestRemoved = next.filter((e) => e.removedAt).sort((a, b) => a.at.localeCompare(b.at))[0];
        if (!oldestRemoved) break;
        next.splice(next.indexOf(oldestRemoved), 1);
      }
      const temp = join(this.dir, `.${CATALOG_FILE}.partial`);
      await writeFile(temp, JSON.stringify({ version: 1, entries: next }, null, 1));
      await rename(temp, join(this.dir, CATALOG_FILE));
      this.entries = next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  add(entry: CatalogEntry): Promise<void> {
    return this.update((entries) => {
      entries.push(entry);
    });
  }
}
