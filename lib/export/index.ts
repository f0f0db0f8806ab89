export { exportText, neutraliseFormula, type ExportValue } from './cell-text';
export { toCsv, type CsvOptions } from './csv';
export { buildXlsx, type XlsxColumn, type XlsxColumnType, type XlsxSheet } from './xlsx';
