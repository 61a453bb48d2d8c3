/** Opens an exported Excel file as a spreadsheet program would, to read it back in tests. */
import ExcelJS from 'exceljs';

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input with an older Buffer type than Node's; the bytes are the same.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}
