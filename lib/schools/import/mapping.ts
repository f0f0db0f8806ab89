/**
 * How the columns of an uploaded table become school attributes: each field takes a column, a constant typed
 * by the user (region «Москва»), or nothing. `guessMapping` proposes one from the header texts.
 */
import { z } from 'zod';
import {
  IMPORT_FIELD_LABELS,
  REQUIRED_IMPORT_FIELDS,
  SCHOOL_IMPORT_FIELDS,
  type SchoolImportField,
} from './fields';
import { nameKey } from './values';

export type FieldSource = { column: number } | { value: string };
export type ImportMapping = Partial<Record<SchoolImportField, FieldSource>>;

/** Header synonyms, compared after lower-casing and dropping punctuation («Расстояние до центра (км)»). */
const SYNONYMS: Record<SchoolImportField, string[]> = {
  ogrn: ['огрн', 'ogrn', 'основной государственный регистрационный номер'],
  fullName: [
    'полное наименование', 'наименование', 'наименование оо', 'наименование организации',
    'наименование образовательной организации', 'образовательная организация', 'название', 'edu name', 'eduname',
    'fullname', 'full name', 'name', 'school', 'школа',
  ],
  shortName: ['краткое наименование', 'сокращенное наименование', 'короткое наименование', 'shortname', 'short name'],
  inn: ['инн', 'inn'],
  region: ['регион', 'субъект', 'субъект рф', 'субъект российской федерации', 'region'],
  municipality: [
    'муниципалитет', 'муниципальный район', 'муниципальное образование', 'муниципальный район городской округ',
    'мо', 'район', 'городской округ', 'district', 'municipality',
  ],
  address: ['адрес', 'юридический адрес', 'фактический адрес', 'адрес местонахождения', 'address'],
  settlement: ['тип местности', 'город село', 'местность', 'тип поселения', 'городская сельская', 'settlement', 'area type'],
  distanceKm: [
    'расстояние до центра км', 'расстояние до центра', 'расстояние до муниципального центра км',
    'расстояние до муниципального центра', 'удаленность км', 'удаленность', 'distance', 'distance km', 'distancekm',
  ],
  pupils: [
    'численность обучающихся', 'число обучающихся', 'количество обучающихся', 'контингент', 'численность учащихся',
    'pupils', 'students',
  ],
  kind: ['вид организации', 'тип организации', 'тип оо', 'kind', 'type'],
};

function headerKey(header: string): string {
  return nameKey(header.replace(/[_\-()[\],.:;/\\«»"']+/g, ' '));
}

const SYNONYM_KEYS = new Map(
  SCHOOL_IMPORT_FIELDS.map((field) => [field, new Set(SYNONYMS[field].map(headerKey))] as const),
);

/** The first column whose header is a synonym of each field; every column serves at most one field. */
export function guessMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  for (const field of SCHOOL_IMPORT_FIELDS) {
    const synonyms = SYNONYM_KEYS.get(field);
    const column = headers.findIndex((header, index) => !used.has(index) && (synonyms?.has(headerKey(header)) ?? false));
    if (column >= 0) {
      mapping[field] = { column };
      used.add(column);
    }
  }
  return mapping;
}

/** The row (0-based, among the first ten) whose cells name the most fields: files often start with a title. */
export function guessHeaderRow(grid: readonly (readonly string[])[]): number {
  let best = { row: 0, matched: 0 };
  grid.slice(0, 10).forEach((row, index) => {
    const matched = Object.keys(guessMapping(row)).length;
    if (matched > best.matched) best = { row: index, matched };
  });
  return best.row;
}

export function missingRequiredFields(mapping: ImportMapping): SchoolImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((field) => {
    const source = mapping[field];
    return source === undefined || ('value' in source && source.value.trim() === '');
  });
}

export function describeMissingField(field: SchoolImportField): string {
  return `Не выбран столбец для поля «${IMPORT_FIELD_LABELS[field]}»`;
}

export const fieldSourceSchema = z.union([
  z.strictObject({ column: z.number().int().min(0).max(16_383) }),
  z.strictObject({ value: z.string().trim().max(500, 'Значение длиннее 500 символов') }),
]);

/** The mapping as a form or an API client sends it; required fields must have a source. */
export const importMappingSchema = z
  .strictObject(Object.fromEntries(SCHOOL_IMPORT_FIELDS.map((field) => [field, fieldSourceSchema.optional()])))
  .superRefine((mapping, context) => {
    for (const field of missingRequiredFields(mapping as ImportMapping)) {
      context.addIssue({ code: 'custom', path: [field], message: describeMissingField(field) });
    }
  })
  .transform((mapping) => mapping as ImportMapping);
