export { exportText, neutraliseFormula, type ExportValue } from './cell-text';
export { toCsv, type CsvOptions } from './csv';
export { buildXlsx, type XlsxColumn, type XlsxOptions, type XlsxColumnType, type XlsxRowStyle, type XlsxSheet, type XlsxTitleBlock } from './xlsx';
export { asciiFileName, contentDisposition, CSV_MIME, fileResponse, safeFileName, XLSX_MIME, type ExportedFile, type StreamedFile } from './file';
export { exportFormatSchema, tableFile, type ExportFormat } from './table-file';
