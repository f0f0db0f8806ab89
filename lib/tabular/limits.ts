import { AppError } from '@/lib/errors';
import { formatNumber } from '@/lib/format/ru';

/** What an upload may cost the server before it is parsed. */
export interface UploadLimits {
  /** Size of the uploaded file. */
  maxUploadBytes: number;
  /** Sum of the declared uncompressed sizes of all entries of an XLSX/DOCX archive. */
  maxUnzippedBytes: number;
  /** Number of entries in an XLSX/DOCX archive. */
  maxZipEntries: number;
  /** Uncompressed to compressed size of the whole archive; checked once it unpacks to more than 1 MiB. */
  maxCompressionRatio: number;
  /** Rows of one table, counted as the file numbers them (the row of the last cell of a sheet). */
  maxRows: number;
  /** Columns of one row, spans (DOCX `w:gridSpan`, `w:gridBefore`) and skipped columns included. */
  maxColumns: number;
  /** Cells of all tables of a file as they would be laid out in a grid: rows × widest row, summed over tables. */
  maxCells: number;
  /** Characters of one cell (Excel's own limit). */
  maxCellChars: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxUploadBytes: 10 * MIB,
  maxUnzippedBytes: 50 * MIB,
  maxZipEntries: 2000,
  maxCompressionRatio: 200,
  maxRows: 200_000,
  maxColumns: 1_000,
  maxCells: 2_000_000,
  maxCellChars: 32_767,
};

/**
 * A table imported as records (the school directory, results): after the worker returns, every row is mapped,
 * planned and reported on the request thread, so such a file is held to fewer rows and columns than a table file
 * in general. 50 000 rows is above the number of schools of the whole country; a record has under 30 fields.
 */
export const RECORD_IMPORT_LIMITS: Partial<UploadLimits> = { maxRows: 50_000, maxColumns: 200 };

export function resolveLimits(limits: Partial<UploadLimits> = {}): UploadLimits {
  return { ...DEFAULT_UPLOAD_LIMITS, ...limits };
}

/** «10 МБ», «0,5 МБ». */
export function formatMegabytes(bytes: number): string {
  return `${formatNumber(bytes / MIB, bytes % MIB === 0 ? 0 : 1)} МБ`;
}

export function assertUploadSize(size: number, limits: UploadLimits): void {
  if (size > limits.maxUploadBytes) {
    throw new AppError('payload_too_large', `Файл больше ${formatMegabytes(limits.maxUploadBytes)}`);
  }
}

/**
 * Counts the tables of one file while they are read, row by row, and stops the reading with a Russian 413 naming
 * the limit as soon as a table would be too large — before any grid padded to its full width is built. The cell
 * budget is shared by all tables of the file, nested DOCX tables included.
 */
export class TableMeter {
  private cells = 0;

  constructor(private readonly limits: UploadLimits) {}

  private tooLarge(what: string): AppError {
    return new AppError('payload_too_large', `Таблица в файле слишком большая: ${what} — файл отклонён`);
  }

  /** A row may reach `columns` columns (checked before the row is laid out). */
  checkColumns(columns: number): void {
    if (columns > this.limits.maxColumns) {
      throw this.tooLarge(`больше ${formatNumber(this.limits.maxColumns)} столбцов в строке`);
    }
  }

  /** Text of one cell, checked as it grows. */
  checkText(length: number): void {
    if (length > this.limits.maxCellChars) {
      throw this.tooLarge(`больше ${formatNumber(this.limits.maxCellChars)} символов в ячейке`);
    }
  }

  /** Starts counting one table. */
  table(): TableCounter {
    let rows = 0;
    let width = 0;
    return {
      row: (rowNumber, columns) => {
        this.checkColumns(columns);
        if (rowNumber > this.limits.maxRows) throw this.tooLarge(`больше ${formatNumber(this.limits.maxRows)} строк`);
        const before = rows * width;
        rows = Math.max(rows, rowNumber);
        width = Math.max(width, columns);
        this.cells += rows * width - before;
        if (this.cells > this.limits.maxCells) {
          throw this.tooLarge(`больше ${formatNumber(this.limits.maxCells)} ячеек (строки × столбцы)`);
        }
      },
    };
  }
}

export interface TableCounter {
  /** The table now reaches row `rowNumber` (1-based, gaps included) with a row `columns` wide. */
  row(rowNumber: number, columns: number): void;
}
