import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandSubFolder, folderProblem, isDeviceName, normalizeFolder, PathEscapeError, subFolderProblem } from '@shared/deliveryPaths';
import { MAX_FILE_NAME, safeFileName, withSuffix } from '../../../electron/backend/delivery/fileNames';
import { backoffMs } from '../../../electron/backend/delivery/backoff';
import { checkTargetRules } from '../../../electron/backend/delivery/targets';
import { AppError } from '@shared/errors';
import { zh, en } from '@shared/i18n';
import { translator } from '@shared/i18n/translate';

const key = (p: ReturnType<typeof folderProblem>) => p?.key ?? null;

describe('target folders (exports.md "Targets"): bad ones are refused with a clear reason', () => {
  it('accepts a UNC share, a mapped drive and a mounted folder', () => {
    expect(folderProblem('\\\\fileserver\\营销部\\台账')).toBeNull();
    expect(folderProblem('Z:\\台账\\2026')).toBeNull();
    expect(folderProblem('Z:\\')).toBeNull();
    expect(folderProblem('/mnt/share/营销部')).toBeNull();
    expect(folderProblem('\\\\fileserver\\营销部\\台账', 'win32')).toBeNull();
    expect(folderProblem('/mnt/share', 'posix')).toBeNull();
  });

  it('refuses a relative path', () => {
    for (const f of ['台账', '.\\台账', '..\\台账', 'share/台账', 'Z:台账', '\\\\server', '~/share'])
      expect(key(folderProblem(f)), f).toBe('delivery.v.folderRelative');
  });

  it('refuses device names, also with an extension and in any case, and the device namespaces', () => {
    for (const f of ['Z:\\CON', '\\\\srv\\share\\nul\\x', '/mnt/com1', 'Z:\\aux.txt', 'Z:\\LPT9 ', 'Z:\\台账\\Prn.csv'])
      expect(key(folderProblem(f)), f).toBe('delivery.v.deviceName');
    expect(key(folderProblem('\\\\.\\COM1'))).toBe('delivery.v.deviceName');
    expect(key(folderProblem('\\\\?\\C:\\台账'))).toBe('delivery.v.deviceName');
    expect(isDeviceName('console')).toBe(false);
    expect(isDeviceName('COM10')).toBe(false);
  });

  it('refuses an over-long path, dots, forbidden characters and trailing dots or spaces', () => {
    expect(folderProblem(`Z:\\${'台'.repeat(200)}`)).toEqual({ key: 'delivery.v.folderTooLong', params: { max: 160 } });
    expect(key(folderProblem('/mnt/share/../etc'))).toBe('delivery.v.folderDots');
    expect(key(folderProblem('Z:\\a\\.\\b'))).toBe('delivery.v.folderDots');
    expect(key(folderProblem('Z:\\a?b'))).toBe('delivery.v.folderChars');
    expect(key(folderProblem('/mnt/a:b'))).toBe('delivery.v.folderChars');
    expect(key(folderProblem('Z:\\台账.'))).toBe('delivery.v.folderTrailing');
    expect(key(folderProblem('Z:\\台账 \\x'))).toBe('delivery.v.folderTrailing');
    expect(key(folderProblem('   '))).toBe('v.required');
  });

  it('wants the forms this machine can reach: Windows no POSIX mount, Linux no share or drive letter', () => {
    expect(key(folderProblem('/mnt/share', 'win32'))).toBe('delivery.v.folderPlatform');
    expect(key(folderProblem('Z:\\台账', 'posix'))).toBe('delivery.v.folderPlatform');
    expect(key(folderProblem('\\\\srv\\share', 'posix'))).toBe('delivery.v.folderPlatform');
  });

  it('the backend refuses them as field errors, before anything is written', () => {
    const base = { name: '共享盘', subFolder: '{register}', enabled: true, defaultRegisters: [], manifest: false };
    const refused = (folder: string, subFolder = '{register}', platform: 'win32' | 'posix' = 'posix') => {
      try {
        checkTargetRules({ ...base, folder, subFolder }, platform);
      } catch (err) {
        return (err as AppError).toShape();
      }
      return null;
    };
    expect(refused('台账')).toEqual({
      code: 'VALIDATION',
      message: 'delivery.v.folderRelative',
      details: { issues: [{ path: 'target.folder', key: 'delivery.v.folderRelative' }] },
    });
    expect(refused('/mnt/share', '../x')?.details?.issues?.[0]).toEqual({ path: 'target.subFolder', key: 'delivery.v.patternEscape' });
    expect(refused('\\\\srv\\share\\CON', '{register}', 'win32')?.details?.issues?.[0]?.key).toBe('delivery.v.deviceName');
    expect(checkTargetRules({ ...base, folder: '/mnt/share///', subFolder: ' {register}\\{yyyy} ' }, 'posix')).toMatchObject({
      folder: '/mnt/share',
      subFolder: '{register}/{yyyy}',
    });
  });

  it('keeps the separator of a drive or share root', () => {
    expect(normalizeFolder('Z:\\')).toBe('Z:\\');
    expect(normalizeFolder('Z:')).toBe('Z:');
    expect(normalizeFolder('\\\\srv\\share\\台账\\')).toBe('\\\\srv\\share\\台账');
    expect(normalizeFolder('/')).toBe('/');
  });
});

describe('sub-folder patterns: allowed tokens only, never leaving the target', () => {
  it('accepts the default and the known tokens', () => {
    for (const p of ['{register}/{yyyy}/{MM}', '', '台账/{yyyy}年{MM}月', '{yyyy}-{MM}-{dd}', '{register}\\{yyyy}'])
      expect(subFolderProblem(p), p).toBeNull();
  });

  it('refuses escapes, absolute parts, unknown tokens and unsafe names', () => {
    const cases: [string, string][] = [
      ['../{register}', 'delivery.v.patternEscape'],
      ['{register}/..', 'delivery.v.patternEscape'],
      ['./x', 'delivery.v.patternEscape'],
      ['/{register}', 'delivery.v.patternAbsolute'],
      ['\\\\srv\\x', 'delivery.v.patternAbsolute'],
      ['C:\\x', 'delivery.v.patternAbsolute'],
      ['C:x', 'delivery.v.patternAbsolute'],
      ['{user}/{yyyy}', 'delivery.v.patternToken'],
      ['{register', 'delivery.v.patternToken'],
      ['a}b', 'delivery.v.patternToken'],
      ['{register}//{yyyy}', 'delivery.v.patternEmpty'],
      ['{register}/', 'delivery.v.patternEmpty'],
      ['a/b/c/d/e/f', 'delivery.v.patternDepth'],
      ['ab:c', 'delivery.v.patternChars'],
      ['{register}.', 'delivery.v.patternChars'],
      ['NUL', 'delivery.v.deviceName'],
    ];
    for (const [p, k] of cases) expect(subFolderProblem(p)?.key, p).toBe(k);
  });

  it('fills the tokens with the register and the export date, made safe for Windows', () => {
    expect(expandSubFolder('{register}/{yyyy}/{MM}', { register: '客户档案台账', date: '2026-11-25' })).toEqual(['客户档案台账', '2026', '11']);
    expect(expandSubFolder('{yyyy}年{MM}月{dd}日', { register: 'x', date: '2026-03-07' })).toEqual(['2026年03月07日']);
    expect(expandSubFolder('{register}', { register: '积分:异常*登记表?', date: '2026-03-07' })).toEqual(['积分_异常_登记表_']);
    expect(expandSubFolder('{register}', { register: 'CON', date: '2026-03-07' })).toEqual(['_CON']);
    expect(expandSubFolder('', { register: 'x', date: '2026-03-07' })).toEqual([]);
  });

  it('refuses a register name that would leave the target, whatever the pattern around it', () => {
    for (const register of ['..', '../../Windows', 'a/b', 'a\\b', '.', ' .. ', ''])
      expect(() => expandSubFolder('x/{register}', { register, date: '2026-03-07' }), register).toThrow(PathEscapeError);
    expect(() => expandSubFolder('../{register}', { register: 'ok', date: '2026-03-07' })).toThrow(PathEscapeError);
  });

  it('never yields a segment that is empty, a dot, a separator or a device name (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (register) => {
        let segments: string[];
        try {
          segments = expandSubFolder('{register}/{yyyy}', { register, date: '2026-11-25' });
        } catch (err) {
          expect(err).toBeInstanceOf(PathEscapeError);
          return;
        }
        for (const s of segments) {
          // eslint-disable-next-line no-control-regex -- Windows forbids control characters in names
          expect(s).not.toMatch(/[\\/<>:"|?*\u0000-\u001f]/);
          expect(s === '' || s === '.' || s === '..').toBe(false);
          expect(isDeviceName(s)).toBe(false);
          expect(s).not.toMatch(/[. ]$/);
        }
      }),
    );
  });
});

describe('file names on a target: safe for Windows, never overwriting', () => {
  it('keeps the office name and replaces what Windows forbids', () => {
    expect(safeFileName('客户档案台账_2026-11-25_1000.xlsx')).toBe('客户档案台账_2026-11-25_1000.xlsx');
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j.csv')).toBe('a_b_c_d_e_f_g_h_i_j.csv');
    expect(safeFileName('台账. . .xlsx')).toBe('台账.xlsx');
    expect(safeFileName('CON.xlsx')).toBe('_CON.xlsx');
    expect(safeFileName('com1')).toBe('_com1');
    expect(safeFileName('..')).toBe('_');
    expect(safeFileName('   ')).toBe('_');
  });

  it('limits the length without splitting a character, leaving room for a suffix', () => {
    const long = `${'客'.repeat(300)}.xlsx`;
    const safe = safeFileName(long);
    expect(safe.length).toBeLessThanOrEqual(MAX_FILE_NAME);
    expect(safe.endsWith('.xlsx')).toBe(true);
    expect(withSuffix(safe, 999).length).toBeLessThanOrEqual(MAX_FILE_NAME);
    const emoji = safeFileName(`${'😀'.repeat(100)}.csv`);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('numbers a taken name before its extension', () => {
    expect(withSuffix('台账.xlsx', 1)).toBe('台账.xlsx');
    expect(withSuffix('台账.xlsx', 2)).toBe('台账(2).xlsx');
    expect(withSuffix('台账', 3)).toBe('台账(3)');
  });

  it('any name becomes safe (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (name) => {
        const safe = safeFileName(name);
        expect(safe.length).toBeGreaterThan(0);
        expect(safe.length).toBeLessThanOrEqual(MAX_FILE_NAME);
        // eslint-disable-next-line no-control-regex -- Windows forbids control characters in names
        expect(safe).not.toMatch(/[\\/<>:"|?*\u0000-\u001f]/);
        expect(safe).not.toMatch(/[. ]$/);
        expect(isDeviceName(safe)).toBe(false);
      }),
    );
  });
});

describe('retry backoff: 30 s, 1 min, 2 min … up to 30 min', () => {
  it('doubles from 30 s and stops at 30 min', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 100].map((n) => backoffMs(n) / 1000)).toEqual([30, 60, 120, 240, 480, 960, 1800, 1800, 1800]);
  });
  it('never shrinks and never passes 30 min (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => backoffMs(n + 1) >= backoffMs(n) && backoffMs(n) <= 1_800_000));
  });
});

describe('the messages exist in both languages', () => {
  it('every rule key reads as a sentence in zh-CN and en-US', () => {
    const keys = ['folderTooLong', 'folderRelative', 'folderPlatform', 'folderChars', 'folderDots', 'folderTrailing', 'deviceName', 'patternAbsolute', 'patternDepth', 'patternEmpty', 'patternEscape', 'patternToken', 'patternChars'];
    for (const catalog of [zh, en]) {
      const t = translator(catalog as never);
      for (const k of keys) expect(t(`delivery.v.${k}`, { name: 'CON', max: 5, token: '{x}' })).not.toContain('delivery.v.');
    }
  });
});
