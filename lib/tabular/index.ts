export { decodeText, detectDelimiter, parseDelimitedText, type Delimiter } from './csv';
export { normaliseGrid, type Grid, type Sheet } from './grid';
export { DEFAULT_UPLOAD_LIMITS, RECORD_IMPORT_LIMITS, type UploadLimits } from './limits';
export { planRoadmapImport, readRoadmapTable, readTableFile } from './pool';
export type { TableFile, TableFileFormat, TableFileInput } from './read-table-file';
export { cellValueToText } from './xlsx';
