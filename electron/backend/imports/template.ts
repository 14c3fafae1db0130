import ExcelJS from 'exceljs';
import { translator } from '@shared/i18n/translate';
import { catalogs } from '@shared/i18n';
import type { ExportedFile } from '@shared/grid';
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField } from '@shared/schemas/imports';
import type { ReadContext } from '../handlers';
import { HEADER_NAMES } from './headers';

const WIDE: Partial<Record<ImportField, number>> = { name: 30, address: 36, businessScope: 30, mainProducts: 24, notes: 24 };

/**
 * 客户导入模板.xlsx: the headers the import recognises (required ones in red), frozen, with the date and text
 * formats set so Excel keeps phone numbers and codes as typed; a second sheet explains each column.
 */
export async function importTemplate(ctx: ReadContext): Promise<ExportedFile> {
  const t = translator(catalogs['zh-CN']);
  const book = new ExcelJS.Workbook();
  book.creator = 'Neiqin';
  const sheet = book.addWorksheet(t('imports.template.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_FIELDS.map((field) => ({
    header: HEADER_NAMES[field][0],
    key: field,
    width: WIDE[field] ?? Math.max(12, HEADER_NAMES[field][0]!.length * 2 + 4),
    style: field === 'registeredOn' ? { numFmt: 'yyyy-mm-dd' } : field === 'creditLimit' ? { numFmt: '#,##0.00' } : { numFmt: '@' },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  for (const field of REQUIRED_IMPORT_FIELDS) {
    header.getCell(IMPORT_FIELDS.indexOf(field) + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  }

  const notes = book.addWorksheet(t('imports.template.notesSheet'));
  notes.columns = [
    { header: t('imports.template.column'), width: 16 },
    { header: t('imports.template.required'), width: 8 },
    { header: t('imports.template.note'), width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const field of IMPORT_FIELDS) {
    const required = (REQUIRED_IMPORT_FIELDS as readonly string[]).includes(field);
    notes.addRow([HEADER_NAMES[field][0], required ? t('common.yes') : '', t(`imports.template.notes.${field}`)]);
  }
  notes.addRow([]);
  notes.addRow([t('imports.template.footer')]);

  const fileName = `${t('imports.template.fileName')}.xlsx`;
  const { fileId, path } = await ctx.files.reserve(fileName, ctx.session.userId);
  await book.xlsx.writeFile(path);
  return { fileId, fileName, rows: 0 };
}
