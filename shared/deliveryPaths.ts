/**
 * The rules for export targets' folders and sub-folder patterns (exports.md "Targets"). Pure string rules, no
 * Node: the backend enforces them on save and at delivery, the admin form shows the same message as the user
 * types. Each check returns the i18n key of the first problem (with its params), or null.
 *
 * Targets are Windows shares (`\\server\share\dir`), mapped drives (`Z:\台账`) or mounted folders (`/mnt/share`),
 * so the rules are Windows' rules wherever the office might read the files: no device names, no `<>:"|?*`, no
 * trailing dots or spaces, no `.`/`..` segments, and lengths that stay under Windows' 260-character limit.
 */

export interface PathProblem {
  key: string;
  params?: Record<string, string | number>;
}

/** Longest folder an admin may enter; leaves room under MAX_PATH (260) for sub-folders and the file name. */
export const MAX_FOLDER_LENGTH = 160;
export const MAX_PATTERN_LENGTH = 80;
export const MAX_PATTERN_DEPTH = 5;
export const DEFAULT_SUB_FOLDER = '{register}/{yyyy}/{MM}';
/** The only tokens a sub-folder pattern may use: the register's name and the export's local date. */
export const SUB_FOLDER_TOKENS = ['register', 'yyyy', 'MM', 'dd'] as const;
export type SubFolderToken = (typeof SUB_FOLDER_TOKENS)[number];

/** CON, PRN, AUX, NUL, COM1–9, LPT1–9 (also with an extension: "CON.txt" is the console too). */
const DEVICE_RE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// eslint-disable-next-line no-control-regex -- control characters are among what Windows forbids in names
const FORBIDDEN_CHARS_RE = /[<>:"|?*\u0000-\u001f]/;
const UNC_RE = /^\\\\[^\\/]+[\\/][^\\/]+/;
const DRIVE_RE = /^[A-Za-z]:[\\/]/;

export type FolderPlatform = 'win32' | 'posix' | 'any';

/** True for a name Windows reserves for a device, whatever its extension or trailing spaces. */
export function isDeviceName(segment: string): boolean {
  const stem = segment.split('.')[0]!.trimEnd();
  return DEVICE_RE.test(stem);
}

/** How a folder is written: a UNC share, a drive letter, a POSIX mount, or none of these (relative). */
export function folderKind(folder: string): 'unc' | 'drive' | 'posix' | 'relative' {
  if (UNC_RE.test(folder)) return 'unc';
  if (DRIVE_RE.test(folder)) return 'drive';
  if (folder.startsWith('/') && !folder.startsWith('//')) return 'posix';
  return 'relative';
}

/** Problems with a target folder as the admin typed it. `platform` narrows what is absolute on this machine. */
export function folderProblem(folder: string, platform: FolderPlatform = 'any'): PathProblem | null {
  const text = folder.trim();
  if (text === '') return { key: 'v.required' };
  if (text.length > MAX_FOLDER_LENGTH) return { key: 'delivery.v.folderTooLong', params: { max: MAX_FOLDER_LENGTH } };
  // \\?\ and \\.\ reach devices and raw volumes, never a folder the office reads.
  if (/^[\\/]{2}[?.][\\/]/.test(text)) return { key: 'delivery.v.deviceName', params: { name: text.slice(0, 4) } };
  const kind = folderKind(text);
  if (kind === 'relative') return { key: 'delivery.v.folderRelative' };
  if (platform === 'win32' && kind === 'posix') return { key: 'delivery.v.folderPlatform' };
  if (platform === 'posix' && kind !== 'posix') return { key: 'delivery.v.folderPlatform' };
  const body = kind === 'drive' ? text.slice(2) : kind === 'unc' ? text.slice(2) : text;
  if (FORBIDDEN_CHARS_RE.test(body)) return { key: 'delivery.v.folderChars' };
  for (const segment of body.split(/[\\/]/)) {
    if (segment === '') continue;
    if (segment === '.' || segment === '..') return { key: 'delivery.v.folderDots' };
    if (isDeviceName(segment)) return { key: 'delivery.v.deviceName', params: { name: segment } };
    if (/[. ]$/.test(segment) || /^ /.test(segment)) return { key: 'delivery.v.folderTrailing', params: { name: segment } };
  }
  return null;
}

/** A folder without trailing separators (the root of a drive or share keeps its separator). */
export function normalizeFolder(folder: string): string {
  const text = folder.trim();
  const kind = folderKind(text);
  const stripped = text.replace(/[\\/]+$/, '');
  if (kind === 'drive' && stripped.length <= 2) return `${stripped}\\`;
  if (kind === 'posix' && stripped === '') return '/';
  return stripped;
}

/** One segment of a pattern split into literal text and tokens, in order. */
type Piece = { token: SubFolderToken } | { text: string };

function piecesOf(segment: string): Piece[] | PathProblem {
  const pieces: Piece[] = [];
  const re = /\{([^{}]*)\}|([^{}]+)|([{}])/g;
  for (const m of segment.matchAll(re)) {
    if (m[1] !== undefined) {
      if (!(SUB_FOLDER_TOKENS as readonly string[]).includes(m[1])) return { key: 'delivery.v.patternToken', params: { token: `{${m[1]}}` } };
      pieces.push({ token: m[1] as SubFolderToken });
    } else if (m[2] !== undefined) pieces.push({ text: m[2] });
    else return { key: 'delivery.v.patternToken', params: { token: m[3]! } };
  }
  return pieces;
}

/** Problems with a sub-folder pattern: it must stay inside the target, use known tokens, and name safe folders. */
export function subFolderProblem(pattern: string): PathProblem | null {
  const text = pattern.trim();
  if (text === '') return null;
  if (text.length > MAX_PATTERN_LENGTH) return { key: 'v.tooLong', params: { max: MAX_PATTERN_LENGTH } };
  if (/^[\\/]/.test(text) || /^[A-Za-z]:/.test(text)) return { key: 'delivery.v.patternAbsolute' };
  const segments = text.split(/[\\/]/);
  if (segments.length > MAX_PATTERN_DEPTH) return { key: 'delivery.v.patternDepth', params: { max: MAX_PATTERN_DEPTH } };
  for (const segment of segments) {
    if (segment === '') return { key: 'delivery.v.patternEmpty' };
    if (segment.trim() === '.' || segment.trim() === '..') return { key: 'delivery.v.patternEscape' };
    const pieces = piecesOf(segment);
    if (!Array.isArray(pieces)) return pieces;
    const literal = pieces.map((p) => ('text' in p ? p.text : 'x')).join('');
    if (FORBIDDEN_CHARS_RE.test(literal)) return { key: 'delivery.v.patternChars' };
    if (pieces.every((p) => 'text' in p) && isDeviceName(literal)) return { key: 'delivery.v.deviceName', params: { name: literal } };
    if (/[. ]$/.test(literal) || /^ /.test(literal)) return { key: 'delivery.v.patternChars' };
  }
  return null;
}

export interface TokenValues {
  register: string;
  /** The export's local date, YYYY-MM-DD. */
  date: string;
}

/** Thrown when a token's value would leave the target (a register named "..", or with a separator in it). */
export class PathEscapeError extends Error {
  constructor(readonly value: string) {
    super(`A sub-folder value would leave the target: ${JSON.stringify(value)}`);
    this.name = 'PathEscapeError';
  }
}

/**
 * The sub-folders a file goes into, as segments: tokens filled in and made safe for Windows. A value that
 * holds a separator or is `.`/`..` is refused (PathEscapeError), never cleaned up into something else.
 */
export function expandSubFolder(pattern: string, values: TokenValues): string[] {
  const text = pattern.trim();
  if (text === '') return [];
  const problem = subFolderProblem(text);
  if (problem) throw new PathEscapeError(text);
  const [yyyy, MM, dd] = values.date.split('-') as [string, string, string];
  const tokenValue: Record<SubFolderToken, string> = { register: values.register, yyyy, MM, dd };
  return text.split(/[\\/]/).map((segment) => {
    const pieces = piecesOf(segment) as Piece[];
    const filled = pieces
      .map((p) => {
        if ('text' in p) return p.text;
        const value = tokenValue[p.token];
        if (/[\\/]/.test(value) || value.trim() === '.' || value.trim() === '..' || value.trim() === '') throw new PathEscapeError(value);
        return value;
      })
      .join('');
    return safeSegment(filled);
  });
}

/** One folder or file name made safe for Windows: forbidden characters replaced, no trailing dot or space, no device name. */
export function safeSegment(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are among what Windows forbids in names
  let out = name.replace(/[\\/<>:"|?*\u0000-\u001f]/g, '_').replace(/^ +/, '').replace(/[. ]+$/, '');
  if (out === '' || out === '.' || out === '..') out = '_';
  if (isDeviceName(out)) out = `_${out}`;
  return out;
}
