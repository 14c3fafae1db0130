import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface Logger {
  info(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
}

/** Appends to `logs/neiqin.log` in the data folder: stack traces go here, never to the user. */
export function fileLogger(dataDir: string, options: { echo?: boolean } = {}): Logger {
  const dir = join(dataDir, 'logs');
  const file = join(dir, 'neiqin.log');
  let ready: Promise<unknown> | null = null;
  const write = (level: string, message: string, extra?: unknown) => {
    const detail = extra instanceof Error ? `\n${extra.stack ?? extra.message}` : extra === undefined ? '' : ` ${safeJson(extra)}`;
    const line = `${new Date().toISOString()} ${level} ${message}${detail}\n`;
    if (options.echo) process.stderr.write(line);
    ready ??= mkdir(dir, { recursive: true });
    ready.then(() => appendFile(file, line)).catch(() => undefined);
  };
  return { info: (m, e) => write('INFO', m, e), error: (m, e) => write('ERROR', m, e) };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
