/**
 * Import of entered indicator values from a table (CSV/XLSX): the columns the wizard maps, their guess from
 * Russian headers, the validation of every row (the grid's own rules: percent 0–100, numerator ≤ denominator,
 * whole counts) and the plan — what is created, changed or left as is, keyed on organisation + indicator + period,
 * so a second import of the same file changes nothing. Every problem names its row and column; an import with
 * any problem writes nothing. Pure: no database.
 */
import type { IndicatorUnit } from '@/db/schema/indicators';
import { periodTitle } from '../quarters';
import type { Issue } from '@/lib/errors';
import { formatNumber } from '@/lib/format/ru';
import { parseOgrn } from '@/lib/organisations/identifiers';
import { columnTitle } from '@/lib/schools/import/apply-mapping';
import type { FieldSource } from '@/lib/schools/import/mapping';
import { nameKey, normaliseText, parseRussianNumber } from '@/lib/schools/import/values';
import { checkCell, outlierReason } from '../values';

export const VALUE_IMPORT_FIELDS = ['ogrn', 'organisation', 'indicator', 'year', 'quarter', 'value', 'numerator', 'denominator', 'comment'] as const;
export type ValueImportField = (typeof VALUE_IMPORT_FIELDS)[number];
export type ValueMapping = Partial<Record<ValueImportField, FieldSource>>;

export const VALUE_FIELD_LABELS: Record<ValueImportField, string> = {
  ogrn: 'ОГРН',
  organisation: 'Организация',
  indicator: 'Код показателя',
  year: 'Год',
  quarter: 'Квартал',
  value: 'Значение',
  numerator: 'Числитель',
  denominator: 'Знаменатель',
  comment: 'Комментарий',
};

/** Required whatever the file: the period and the indicator (unless the endpoint fixes it). */
export const REQUIRED_VALUE_FIELDS: readonly ValueImportField[] = ['indicator', 'year'];

const SYNONYMS: Record<ValueImportField, string[]> = {
  ogrn: ['огрн', 'ogrn', 'огрн организации', 'огрн оо'],
  organisation: [
    'организация', 'наименование организации', 'оо', 'школа', 'образовательная организация', 'муниципалитет',
    'муниципальное образование', 'мо', 'наименование', 'организация наименование', 'organisation', 'organization',
  ],
  indicator: ['код показателя', 'код', 'показатель', 'номер показателя', '№ показателя', 'indicator', 'indicator code'],
  year: ['год', 'период', 'отчетный год', 'year'],
  quarter: ['квартал', 'quarter'],
  value: ['значение', 'значение показателя', 'факт', 'фактическое значение', 'value'],
  numerator: ['числитель', 'numerator'],
  denominator: ['знаменатель', 'denominator'],
  comment: ['комментарий', 'примечание', 'comment'],
};

function headerKey(header: string): string {
  return nameKey(header.replace(/[_\-()[\],.:;/\\«»"'%№]+/g, ' '));
}

const SYNONYM_KEYS = new Map(VALUE_IMPORT_FIELDS.map((f) => [f, new Set(SYNONYMS[f].map(headerKey))] as const));

/** The first column whose header is a synonym of each field, one column per field. */
export function guessValueMapping(headers: readonly string[]): ValueMapping {
  const mapping: ValueMapping = {};
  const used = new Set<number>();
  const keys = headers.map(headerKey);
  for (const field of VALUE_IMPORT_FIELDS) {
    const column = keys.findIndex((key, index) => !used.has(index) && SYNONYM_KEYS.get(field)!.has(key));
    if (column >= 0) {
      mapping[field] = { column };
      used.add(column);
    }
  }
  return mapping;
}

/** Among the first ten rows, the one naming the most fields (files often start with a title). */
export function guessValueHeaderRow(grid: readonly (readonly string[])[]): number {
  let best = { row: 0, matched: 0 };
  grid.slice(0, 10).forEach((row, index) => {
    const matched = Object.keys(guessValueMapping(row)).length;
    if (matched > best.matched) best = { row: index, matched };
  });
  return best.row;
}

const YES = new Set(['да', 'есть', 'имеется', 'yes', 'true']);
const NO = new Set(['нет', 'отсутствует', 'no', 'false']);

/** «12,5», «12,5 %», «1 234», «да» (1), «нет» (0); null when the text is no number. */
export function parseValueNumber(text: string): number | null {
  const key = nameKey(text);
  if (YES.has(key)) return 1;
  if (NO.has(key)) return 0;
  return parseRussianNumber(text.replace(/%\s*$/, ''));
}

/** One row of the file with its fields read but not yet matched to the directory. */
export interface ValueRow {
  rowNumber: number;
  ogrn: string | null;
  organisation: string | null;
  indicator: string;
  year: number;
  quarter: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** null when no comment column is mapped: the stored comment is kept. */
  comment: string | null;
  /** Column titles, for the messages of later steps. */
  columns: Partial<Record<ValueImportField, string>>;
}

function mappingIssues(mapping: ValueMapping, width: number): Issue[] {
  const issues: Issue[] = [];
  for (const field of REQUIRED_VALUE_FIELDS) {
    const source = mapping[field];
    if (!source || ('value' in source && source.value.trim() === '')) issues.push({ field, message: `Не выбран столбец для поля «${VALUE_FIELD_LABELS[field]}»` });
  }
  if (!mapping.ogrn && !mapping.organisation) issues.push({ field: 'organisation', message: 'Не выбран столбец с организацией: ОГРН или наименование' });
  if (!mapping.value && !(mapping.numerator && mapping.denominator)) {
    issues.push({ field: 'value', message: 'Не выбран столбец «Значение» (или пара «Числитель» и «Знаменатель»)' });
  }
  for (const [field, source] of Object.entries(mapping) as [ValueImportField, FieldSource][]) {
    if ('column' in source && source.column >= width) issues.push({ field, message: `Для поля «${VALUE_FIELD_LABELS[field]}» выбран столбец, которого нет в файле` });
  }
  return issues;
}

/** Reads every non-blank row below the header; each unreadable cell is an issue naming its row and column. */
export function readValueRows(grid: readonly (readonly string[])[], headerRow: number, mapping: ValueMapping): { rows: ValueRow[]; issues: Issue[] } {
  const headers = grid[headerRow] ?? [];
  const width = Math.max(0, ...grid.map((row) => row.length));
  const issues = mappingIssues(mapping, width);
  if (issues.length > 0) return { rows: [], issues };
  const columns: ValueRow['columns'] = {};
  for (const [field, source] of Object.entries(mapping) as [ValueImportField, FieldSource][]) {
    columns[field] = 'column' in source ? columnTitle(headers, source.column) : VALUE_FIELD_LABELS[field];
  }
  const rows: ValueRow[] = [];
  grid.forEach((cells, index) => {
    if (index <= headerRow || cells.every((cell) => cell.trim() === '')) return;
    const rowNumber = index + 1;
    const text = (field: ValueImportField): string => {
      const source = mapping[field];
      if (!source) return '';
      return normaliseText('column' in source ? (cells[source.column] ?? '') : source.value);
    };
    let valid = true;
    const fail = (field: ValueImportField, message: string) => {
      issues.push({ row: rowNumber, column: columns[field], message });
      valid = false;
    };
    const number = (field: ValueImportField): number | null => {
      const t = text(field);
      if (t === '') return null;
      const n = parseValueNumber(t);
      if (n === null) fail(field, `${VALUE_FIELD_LABELS[field]}: ожидается число, а не «${t.slice(0, 60)}»`);
      return n;
    };
    const ogrnText = text('ogrn');
    let ogrn: string | null = null;
    if (ogrnText !== '') {
      const parsed = parseOgrn(ogrnText);
      if (parsed.ok) ogrn = String(parsed.value);
      else fail('ogrn', parsed.message);
    }
    const organisation = text('organisation') || null;
    if (!ogrn && !organisation && valid) fail(mapping.organisation ? 'organisation' : 'ogrn', 'Не указана организация: нужен ОГРН или наименование');
    const indicator = text('indicator');
    if (indicator === '') fail('indicator', 'Не указан код показателя');
    const yearText = text('year');
    const year = parseRussianNumber(yearText.replace(/\s*(год|г\.?)$/i, ''));
    if (yearText === '') fail('year', 'Не указан год');
    else if (year === null || !Number.isInteger(year) || year < 2000 || year > 2100) fail('year', `Год: ожидается год от 2000 до 2100, а не «${yearText.slice(0, 20)}»`);
    const quarterText = text('quarter');
    const quarter = quarterText === '' ? 0 : parseRussianNumber(quarterText);
    if (quarter === null || !Number.isInteger(quarter) || quarter < 0 || quarter > 4) fail('quarter', `Квартал: от 1 до 4 (пусто или 0 — год целиком), а не «${quarterText.slice(0, 20)}»`);
    const value = number('value');
    const numerator = number('numerator');
    const denominator = number('denominator');
    const comment = mapping.comment ? text('comment') : null;
    if (comment !== null && comment.length > 2000) fail('comment', 'Комментарий: не длиннее 2000 символов');
    if (valid) rows.push({ rowNumber, ogrn, organisation, indicator, year: year!, quarter: quarter!, value, numerator, denominator, comment, columns });
  });
  return { rows, issues };
}

// ——— Matching to the directory and planning ———

export interface KnownOrganisation {
  id: string;
  regionId: string | null;
  name: string;
  kind: string;
  ogrn: string | null;
}

export interface KnownIndicator {
  id: string;
  regionId: string;
  code: string;
  name: string;
  unit: IndicatorUnit;
  kind: 'entered' | 'computed';
  status: 'draft' | 'active' | 'archived';
  level: string;
  periodicity: string;
  outlierJump: number | null;
  minValue: number | null;
  maxValue: number | null;
}

export interface ValueDirectory {
  /** Organisations whose values the importing user enters (its scope), by ОГРН and by name key (short and full). */
  organisationsByOgrn: ReadonlyMap<string, KnownOrganisation>;
  organisationsByName: ReadonlyMap<string, KnownOrganisation[]>;
  /** Indicators of the user's region by `indicatorKey(region, code)` and `indicatorKey(region, name)`. */
  indicatorsByCode: ReadonlyMap<string, KnownIndicator>;
  indicatorsByName: ReadonlyMap<string, KnownIndicator[]>;
}

/** Codes and names are unique within a region (an administrator's directory holds every region). */
export const indicatorKey = (regionId: string | null, codeOrName: string) => `${regionId ?? ''}|${nameKey(codeOrName)}`;

export const LEVEL_WORDS: Record<string, string> = { school: 'школ', municipality: 'муниципалитетов', region: 'региона' };

export interface MatchedRow extends ValueRow {
  org: KnownOrganisation;
  ind: KnownIndicator;
}

/** Finds each row's organisation and indicator; a row naming neither a known one is an issue on its column. */
export function matchValueRows(rows: readonly ValueRow[], directory: ValueDirectory): { rows: MatchedRow[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const matched: MatchedRow[] = [];
  for (const row of rows) {
    let org: KnownOrganisation | undefined;
    if (row.ogrn) {
      org = directory.organisationsByOgrn.get(row.ogrn);
      if (!org) issues.push({ row: row.rowNumber, column: row.columns.ogrn, message: `Организация с ОГРН ${row.ogrn} не найдена среди организаций, за которые вы вводите значения` });
    } else {
      const found = directory.organisationsByName.get(nameKey(row.organisation ?? '')) ?? [];
      if (found.length === 1) org = found[0];
      else if (found.length === 0) issues.push({ row: row.rowNumber, column: row.columns.organisation, message: `Организация «${row.organisation}» не найдена среди организаций, за которые вы вводите значения; проверьте наименование или укажите ОГРН` });
      else issues.push({ row: row.rowNumber, column: row.columns.organisation, message: `Наименование «${row.organisation}» носят несколько организаций; укажите ОГРН` });
    }
    if (!org) continue;
    const byCode = directory.indicatorsByCode.get(indicatorKey(org.regionId, row.indicator));
    const byName = byCode ? [] : (directory.indicatorsByName.get(indicatorKey(org.regionId, row.indicator)) ?? []);
    const ind = byCode ?? (byName.length === 1 ? byName[0] : undefined);
    if (!ind) issues.push({ row: row.rowNumber, column: row.columns.indicator, message: `Показатель «${row.indicator}» не найден в каталоге региона` });
    else matched.push({ ...row, org, ind });
  }
  return { rows: matched, issues };
}

export interface StoredValue {
  id: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string;
  version: number;
}

/** indicator:organisation:year:quarter — the one identity of a stored value. */
export const valueKey = (indicatorId: string, organisationId: string, year: number, quarter: number) => `${indicatorId}:${organisationId}:${year}:${quarter}`;
export const periodKey = (organisationId: string, year: number, quarter: number) => `${organisationId}:${year}:${quarter}`;

export interface PlannedValue {
  rowNumber: number;
  org: KnownOrganisation;
  ind: KnownIndicator;
  year: number;
  quarter: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string;
  /** The stored value this row changes (absent for a new one). */
  stored?: StoredValue;
  outlier: string | null;
}

export interface ValuePlan {
  create: PlannedValue[];
  update: PlannedValue[];
  unchanged: PlannedValue[];
  issues: Issue[];
  /** Outliers: shown, never blocking. */
  warnings: Issue[];
}

export interface PlanContext {
  stored: ReadonlyMap<string, StoredValue>;
  /** Value of the year before, by valueKey of that year. */
  lastYear: ReadonlyMap<string, number>;
  /** State of a period that is not open, by periodKey. */
  locks: ReadonlyMap<string, 'submitted' | 'approved'>;
}

function periodWords(year: number, quarter: number): string {
  return periodTitle(year, quarter);
}

/** Why the values of a period cannot change, in the words of the entry grid. */
export function lockMessage(state: 'submitted' | 'approved', orgName: string, year: number, quarter: number): string {
  const period = periodWords(year, quarter);
  return state === 'approved'
    ? `Значения «${orgName}» за ${period} утверждены и заблокированы; правка возможна после разблокировки с указанием причины`
    : `Значения «${orgName}» за ${period} представлены на утверждение; правка возможна после возврата на доработку`;
}

export function planValueImport(rows: readonly MatchedRow[], context: PlanContext): ValuePlan {
  const plan: ValuePlan = { create: [], update: [], unchanged: [], issues: [], warnings: [] };
  const firstRow = new Map<string, number>();
  const inFile = new Map<string, PlannedValue>();
  const columnOf = new Map<PlannedValue, string | undefined>();
  for (const row of rows) {
    const { ind, org } = row;
    const valueColumn = row.columns.value ?? row.columns.numerator;
    const fail = (message: string, column = valueColumn) => plan.issues.push({ row: row.rowNumber, column, message });
    if (ind.kind === 'computed') {
      fail(`Показатель ${ind.code} вычисляется порталом и не вводится`, row.columns.indicator);
      continue;
    }
    if (ind.status === 'archived') {
      fail(`Показатель ${ind.code} в архиве: значения не принимаются`, row.columns.indicator);
      continue;
    }
    if (ind.level !== org.kind) {
      fail(`Показатель ${ind.code} собирается на уровне ${LEVEL_WORDS[ind.level] ?? ind.level}, а «${org.name}» — ${org.kind === 'school' ? 'школа' : org.kind === 'municipality' ? 'муниципалитет' : 'регион'}`, row.columns.indicator);
      continue;
    }
    if (row.quarter > 0 && ind.periodicity === 'year') {
      fail(`Показатель ${ind.code} собирается за год, не по кварталам`, row.columns.quarter);
      continue;
    }
    if (row.quarter === 0 && ind.periodicity === 'quarter') {
      fail(`Показатель ${ind.code} собирается по кварталам: укажите квартал (годовое значение рассчитывается из кварталов)`, row.columns.quarter ?? row.columns.year);
      continue;
    }
    const cell = checkCell({ unit: ind.unit, value: row.value, numerator: row.numerator, denominator: row.denominator }, `Значение показателя ${ind.code}`);
    if (cell.errors.length > 0) {
      for (const message of cell.errors) fail(message);
      continue;
    }
    // A quarter also makes the year's figure: a submitted or approved year keeps its quarters.
    const ownLock = context.locks.get(periodKey(org.id, row.year, row.quarter));
    const lock = ownLock ?? (row.quarter > 0 ? context.locks.get(periodKey(org.id, row.year, 0)) : undefined);
    if (lock) {
      fail(lockMessage(lock, org.name, row.year, ownLock ? row.quarter : 0), row.columns.year);
      continue;
    }
    const key = valueKey(ind.id, org.id, row.year, row.quarter);
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      fail(`Значение показателя ${ind.code} для «${org.name}» за ${periodWords(row.year, row.quarter)} уже есть в строке ${earlier}`, row.columns.indicator);
      continue;
    }
    firstRow.set(key, row.rowNumber);
    const stored = context.stored.get(key);
    const planned: PlannedValue = {
      rowNumber: row.rowNumber,
      org,
      ind,
      year: row.year,
      quarter: row.quarter,
      value: cell.value!,
      numerator: row.numerator,
      denominator: row.denominator,
      comment: row.comment ?? stored?.comment ?? '',
      stored,
      outlier: null,
    };
    inFile.set(key, planned);
    columnOf.set(planned, valueColumn);
    if (!stored) plan.create.push(planned);
    else if (stored.value === planned.value && stored.numerator === planned.numerator && stored.denominator === planned.denominator && stored.comment === planned.comment) plan.unchanged.push(planned);
    else plan.update.push(planned);
  }
  // Last year's value: the file's own row for it, else the stored one.
  for (const planned of [...plan.create, ...plan.update, ...plan.unchanged].sort((a, b) => a.rowNumber - b.rowNumber)) {
    const lastKey = valueKey(planned.ind.id, planned.org.id, planned.year - 1, planned.quarter);
    const last = inFile.get(lastKey)?.value ?? context.lastYear.get(lastKey) ?? null;
    planned.outlier = outlierReason(planned.value, last, { jump: planned.ind.outlierJump, min: planned.ind.minValue, max: planned.ind.maxValue });
    if (planned.outlier) {
      plan.warnings.push({ row: planned.rowNumber, column: columnOf.get(planned), message: `Проверьте значение показателя ${planned.ind.code} для «${planned.org.name}» (${formatNumber(planned.value)}): ${planned.outlier}` });
    }
  }
  return plan;
}
