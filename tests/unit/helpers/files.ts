import ExcelJS from 'exceljs';

/** Opens an exported .xlsx with ExcelJS, as Excel would. */
export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}
