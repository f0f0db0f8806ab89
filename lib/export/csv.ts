import { exportText, type ExportValue } from './cell-text';

export interface CsvOptions {
  /** `;` by default: Russian Excel splits on it. */
  delimiter?: ';' | ',' | '\t';
  /** UTF-8 byte order mark so Excel detects the encoding; on by default. */
  bom?: boolean;
  /** Decimal separator of numbers; `,` when the delimiter is not a comma. */
  decimalSeparator?: ',' | '.';
}

const BOM = '\ufeff';
const LINE_END = '\r\n';

function quote(text: string, delimiter: string): string {
  const needsQuotes = text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV for Excel: CRLF line ends, quotes only where needed, text that looks like a formula
 * neutralised; numbers stay numbers (no group separators, so Excel reads them back as numbers).
 */
export function toCsv(rows: readonly (readonly ExportValue[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  const decimalSeparator = options.decimalSeparator ?? (delimiter === ',' ? '.' : ',');
  const cellText = (value: ExportValue): string => {
    if (typeof value === 'number') {
      return Number.isFinite(value) ? quote(String(value).replace('.', decimalSeparator), delimiter) : '';
    }
    return quote(exportText(value), delimiter);
  };
  const body = rows.map((row) => row.map(cellText).join(delimiter)).join(LINE_END);
  return `${options.bom === false ? '' : BOM}${body}${rows.length > 0 ? LINE_END : ''}`;
}
