/** The school attributes a directory import can fill, with the Russian labels shown in the mapping form. */
export const SCHOOL_IMPORT_FIELDS = [
  'ogrn',
  'fullName',
  'shortName',
  'inn',
  'region',
  'municipality',
  'address',
  'settlement',
  'distanceKm',
  'pupils',
  'kind',
] as const;

export type SchoolImportField = (typeof SCHOOL_IMPORT_FIELDS)[number];

export const REQUIRED_IMPORT_FIELDS: readonly SchoolImportField[] = ['ogrn', 'fullName', 'municipality'];

export const IMPORT_FIELD_LABELS: Record<SchoolImportField, string> = {
  ogrn: 'ОГРН',
  fullName: 'Полное наименование',
  shortName: 'Краткое наименование',
  inn: 'ИНН',
  region: 'Регион',
  municipality: 'Муниципалитет',
  address: 'Адрес',
  settlement: 'Тип местности',
  distanceKm: 'Расстояние до муниципального центра, км',
  pupils: 'Численность обучающихся',
  kind: 'Вид организации',
};

export type Settlement = 'urban' | 'rural';
export type SchoolKind = 'school' | 'college' | 'other';

/** Values of a school as the directory stores them; region and municipality by name. */
export interface SchoolSnapshot {
  ogrn: string;
  fullName: string;
  shortName: string;
  inn: string | null;
  region: string;
  municipality: string;
  address: string | null;
  settlement: Settlement | null;
  distanceKm: number | null;
  pupils: number | null;
  kind: SchoolKind;
}

/**
 * One valid row of an import. Optional attributes are absent when the column is not mapped or the cell is
 * empty: an import never erases what is already stored.
 */
export interface SchoolImportRow {
  /** 1-based row number in the file, header included. */
  rowNumber: number;
  ogrn: string;
  fullName: string;
  municipality: string;
  region?: string;
  shortName?: string;
  inn?: string;
  address?: string;
  settlement?: Settlement;
  distanceKm?: number;
  pupils?: number;
  kind?: SchoolKind;
}
