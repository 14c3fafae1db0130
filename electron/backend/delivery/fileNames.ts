import { safeSegment } from '@shared/deliveryPaths';

/**
 * File names on a target, safe for Windows (exports.md "Formats"): no `\/:*?"<>|`, no trailing dot or space, no
 * reserved device name, and a limited length, so a file Neiqin puts on a share opens from Explorer and Excel.
 */

/** Longest file name Neiqin writes (Windows allows 255; the folder and the `(2)` suffix need the rest). */
export const MAX_FILE_NAME = 120;
/** The room `(999)` takes, so a suffixed name stays within the limit too. */
const SUFFIX_ROOM = 5;

/** Splits `name.ext` where the extension is short and plain (`.xlsx`, `.csv`, `.pdf`, `.jsonl`). */
function splitExtension(name: string): { base: string; ext: string } {
  const m = /^(.*?)(\.[A-Za-z0-9]{1,8})$/.exec(name);
  return m && m[1] !== '' ? { base: m[1]!, ext: m[2]!.toLowerCase() } : { base: name, ext: '' };
}

/** Cuts a string to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** The name a file takes on a target: made safe, and cut so that `name(NNN).ext` stays within `maxLength`. */
export function safeFileName(name: string, maxLength = MAX_FILE_NAME): string {
  const { base, ext } = splitExtension(name.trim());
  const room = Math.max(1, maxLength - ext.length - SUFFIX_ROOM);
  // Make safe, cut, then make safe again: cutting can leave a trailing dot or space behind.
  return `${safeSegment(cut(safeSegment(base), room))}${ext}`;
}

/** The n-th candidate for a name already taken: `客户档案台账_2026-11-25_1000(2).xlsx`. */
export function withSuffix(name: string, n: number): string {
  if (n <= 1) return name;
  const { base, ext } = splitExtension(name);
  return `${base}(${n})${ext}`;
}

/** The temporary name a file is copied under before it is verified and renamed (a reader skips dot files). */
export function temporaryName(jobId: number): string {
  return `.~neiqin-${jobId}.tmp`;
}
