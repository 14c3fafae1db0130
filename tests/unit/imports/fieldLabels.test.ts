import { describe, expect, it } from 'vitest';
import { catalogs } from '@shared/i18n';
import { lookup } from '@shared/i18n/translate';
import { IMPORT_FIELDS } from '@shared/schemas/imports';
import { importFieldLabelKey } from '../../../renderer/src/features/imports/fieldLabel';

/** The mapping step's labels: the import's own or the customer record's, never a bare key. */
describe('import field labels', () => {
  it('every import field has a label in both languages', () => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      for (const field of IMPORT_FIELDS) {
        const text = lookup(catalogs[locale], importFieldLabelKey(field));
        expect(text?.trim(), `${locale} ${field}`).toBeTruthy();
      }
    }
  });

  it('keeps the labels the mapping step has always shown', () => {
    const zh = (f: (typeof IMPORT_FIELDS)[number]) => lookup(catalogs['zh-CN'], importFieldLabelKey(f));
    const en = (f: (typeof IMPORT_FIELDS)[number]) => lookup(catalogs['en-US'], importFieldLabelKey(f));
    expect([zh('code'), zh('name'), zh('registeredOn'), zh('manager'), zh('contactName')]).toEqual([
      '客户编号',
      '客户名称',
      '登记日期',
      '客户经理（编号或姓名）',
      '联系人',
    ]);
    expect([en('code'), en('abcClass'), en('email'), en('creditLimit')]).toEqual([
      'Customer code',
      'Class',
      'E-mail',
      'Credit limit (yuan)',
    ]);
  });
});
