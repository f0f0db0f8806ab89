/**
 * What committing an import will do, computed before anything is written: the preview shows it, and the
 * commit applies exactly it, so importing the same file twice changes nothing the second time.
 */
import type { Issue } from '@/lib/errors';
import { IMPORT_FIELD_LABELS, type SchoolImportField, type SchoolImportRow, type SchoolSnapshot } from './fields';
import { deriveShortName, detectKind, nameKey } from './values';

export interface ExistingDirectory {
  /** Stored schools by ОГРН. */
  schools: ReadonlyMap<string, SchoolSnapshot>;
  regions: readonly string[];
  municipalities: readonly { region: string; name: string }[];
}

export interface PlanOptions {
  /** Region of rows whose file gives none (the importing user's region). */
  defaultRegion?: string;
}

export interface FieldChange {
  field: SchoolImportField;
  label: string;
  before: SchoolSnapshot[SchoolImportField];
  after: SchoolSnapshot[SchoolImportField];
}

export interface PlannedSchool extends SchoolSnapshot {
  rowNumber: number;
}

export interface ImportPlan {
  create: PlannedSchool[];
  /** `next` is the whole school after the update; `changes` lists only what differs. */
  update: { rowNumber: number; ogrn: string; changes: FieldChange[]; next: PlannedSchool }[];
  unchanged: { rowNumber: number; ogrn: string }[];
  newRegions: string[];
  newMunicipalities: { region: string; name: string }[];
  issues: Issue[];
}

const COMPARED_FIELDS: readonly Exclude<SchoolImportField, 'ogrn'>[] = [
  'fullName', 'shortName', 'inn', 'region', 'municipality', 'address', 'settlement', 'distanceKm', 'pupils', 'kind',
];

/**
 * Canonical spellings: a name that matches a stored or an earlier row's name up to case, «ё» and spacing
 * resolves to it, so «район Аэропорт» and «Район  Аэропорт» are one municipality.
 */
class NameRegistry {
  private readonly known = new Map<string, string>();
  readonly added: string[] = [];

  constructor(existing: readonly string[]) {
    for (const name of existing) this.known.set(nameKey(name), name);
  }

  resolve(name: string): { name: string; isNew: boolean } {
    const key = nameKey(name);
    const found = this.known.get(key);
    if (found !== undefined) return { name: found, isNew: false };
    this.known.set(key, name);
    this.added.push(name);
    return { name, isNew: true };
  }
}

function snapshotForCreate(row: SchoolImportRow, region: string, municipality: string): PlannedSchool {
  return {
    rowNumber: row.rowNumber,
    ogrn: row.ogrn,
    fullName: row.fullName,
    shortName: row.shortName ?? deriveShortName(row.fullName),
    inn: row.inn ?? null,
    region,
    municipality,
    address: row.address ?? null,
    settlement: row.settlement ?? null,
    distanceKm: row.distanceKm ?? null,
    pupils: row.pupils ?? null,
    kind: row.kind ?? detectKind(row.fullName),
  };
}

/** Fields the row does not give (absent or derived) keep their stored values. */
function snapshotForUpdate(row: SchoolImportRow, stored: SchoolSnapshot, region: string, municipality: string): PlannedSchool {
  return {
    rowNumber: row.rowNumber,
    ogrn: stored.ogrn,
    fullName: row.fullName,
    shortName: row.shortName ?? stored.shortName,
    inn: row.inn ?? stored.inn,
    region,
    municipality,
    address: row.address ?? stored.address,
    settlement: row.settlement ?? stored.settlement,
    distanceKm: row.distanceKm ?? stored.distanceKm,
    pupils: row.pupils ?? stored.pupils,
    kind: row.kind ?? stored.kind,
  };
}

function sameValue(field: SchoolImportField, before: unknown, after: unknown): boolean {
  if (field === 'region' || field === 'municipality') return nameKey(String(before)) === nameKey(String(after));
  return before === after;
}

export function planImport(
  rows: readonly SchoolImportRow[],
  existing: ExistingDirectory,
  options: PlanOptions = {},
): ImportPlan {
  const plan: ImportPlan = { create: [], update: [], unchanged: [], newRegions: [], newMunicipalities: [], issues: [] };
  const regions = new NameRegistry(existing.regions);
  const municipalitiesByRegion = new Map<string, NameRegistry>();
  const municipalitiesOf = (region: string): NameRegistry => {
    const key = nameKey(region);
    let registry = municipalitiesByRegion.get(key);
    if (!registry) {
      registry = new NameRegistry(existing.municipalities.filter((m) => nameKey(m.region) === key).map((m) => m.name));
      municipalitiesByRegion.set(key, registry);
    }
    return registry;
  };

  for (const row of rows) {
    const regionName = row.region ?? options.defaultRegion;
    if (regionName === undefined || regionName.trim() === '') {
      plan.issues.push({ row: row.rowNumber, field: 'region', message: 'Не указан регион школы' });
      continue;
    }
    const region = regions.resolve(regionName).name;
    const { name: municipality, isNew } = municipalitiesOf(region).resolve(row.municipality);
    if (isNew) plan.newMunicipalities.push({ region, name: municipality });

    const stored = existing.schools.get(row.ogrn);
    if (!stored) {
      plan.create.push(snapshotForCreate(row, region, municipality));
      continue;
    }
    const next = snapshotForUpdate(row, stored, region, municipality);
    const changes: FieldChange[] = COMPARED_FIELDS.filter((field) => !sameValue(field, stored[field], next[field])).map(
      (field) => ({ field, label: IMPORT_FIELD_LABELS[field], before: stored[field], after: next[field] }),
    );
    if (changes.length === 0) plan.unchanged.push({ rowNumber: row.rowNumber, ogrn: row.ogrn });
    else plan.update.push({ rowNumber: row.rowNumber, ogrn: row.ogrn, changes, next });
  }
  plan.newRegions = [...regions.added];
  return plan;
}
