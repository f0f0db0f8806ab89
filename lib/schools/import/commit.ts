import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { type NewOrganisation, type Organisation, organisations } from '@/db/schema';
import { type AuditInput, recordAudits } from '@/lib/audit/record';
import type { Actor, ResourceScope } from '@/lib/auth/actor';
import { authorize, can } from '@/lib/auth/policy';
import { type Executor, getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError, type Issue } from '@/lib/errors';
import { organisationScope, organisationSnapshot } from '@/lib/organisations/scope';
import { readTableFile, RECORD_IMPORT_LIMITS, type TableFileInput } from '@/lib/tabular';
import { applyMapping } from './apply-mapping';
import type { SchoolSnapshot } from './fields';
import { guessHeaderRow, guessMapping, type ImportMapping } from './mapping';
import { type ImportPlan, planImport, type PlannedSchool } from './plan';
import { nameKey } from './values';

export interface SchoolImportRequest {
  file: TableFileInput;
  sheetIndex?: number;
  /** 0-based index of the header row in the sheet; guessed when absent. */
  headerRow?: number;
  /** Guessed from the headers when absent. */
  mapping?: ImportMapping;
  dryRun: boolean;
}

export interface SchoolImportResult {
  committed: boolean;
  sheets: string[];
  sheetIndex: number;
  headerRow: number;
  headers: string[];
  mapping: ImportMapping;
  counts: { create: number; update: number; unchanged: number; newRegions: number; newMunicipalities: number };
  newMunicipalities: { region: string; name: string }[];
  sample: { rowNumber: number; action: 'create' | 'update'; name: string; municipality: string; changes: string[] }[];
  issues: Issue[];
}

/**
 * The school directory import: the file is read, mapped and planned; a dry run returns the preview; a commit
 * writes exactly the plan in one transaction, or — when any row has a problem — nothing at all.
 */
export async function importSchools(actor: Actor, request: SchoolImportRequest): Promise<SchoolImportResult> {
  authorize(actor, 'school.import');
  // Bounded before the worker starts: the rows it returns are mapped and planned on this thread.
  const file = await readTableFile(request.file, RECORD_IMPORT_LIMITS);
  const sheetIndex = request.sheetIndex ?? 0;
  const sheet = file.sheets[sheetIndex];
  if (!sheet || sheet.rows.length === 0) throw new AppError('validation', 'В файле нет данных: лист пуст.');
  const headerRow = request.headerRow ?? guessHeaderRow(sheet.rows);
  const headers = sheet.rows[headerRow] ?? [];
  const mapping = request.mapping ?? guessMapping(headers);
  const mapped = applyMapping(sheet.rows, headerRow, mapping);

  const run = async (executor: Executor) => {
    const directory = await loadDirectory(executor, mapped.rows.map((r) => r.ogrn));
    const plan = planImport(mapped.rows, directory, { defaultRegion: directory.actorRegion(actor) });
    const issues = [...mapped.issues, ...plan.issues, ...permissionIssues(actor, plan, directory)];
    const result = describe(plan, issues, { sheets: file.sheets.map((s) => s.name), sheetIndex, headerRow, headers, mapping });
    if (request.dryRun) return result;
    if (issues.length > 0) {
      throw new AppError('validation', `Импорт не выполнен: ${issues.length} ошибок в файле. Ничего не записано.`, issues);
    }
    await applyPlan(executor, actor, plan, directory);
    return { ...result, committed: true };
  };
  return request.dryRun ? run(getDb()) : inTransaction(run);
}

type Directory = Awaited<ReturnType<typeof loadDirectory>>;

async function loadDirectory(executor: Executor, ogrns: string[]) {
  const region = alias(organisations, 'region');
  const municipality = alias(organisations, 'municipality');
  const areas = await executor
    .select({ org: organisations, regionName: region.name })
    .from(organisations)
    .leftJoin(region, eq(organisations.regionId, region.id))
    .where(inArray(organisations.kind, ['region', 'municipality']));
  const stored = ogrns.length
    ? await executor
        .select({ org: organisations, regionName: region.name, municipalityName: municipality.name })
        .from(organisations)
        .leftJoin(region, eq(organisations.regionId, region.id))
        .leftJoin(municipality, eq(organisations.municipalityId, municipality.id))
        .where(and(eq(organisations.kind, 'school'), inArray(organisations.ogrn, ogrns)))
    : [];
  const regions = areas.filter((a) => a.org.kind === 'region').map((a) => a.org);
  const municipalities = areas.filter((a) => a.org.kind === 'municipality');
  const regionByName = new Map(regions.map((r) => [nameKey(r.name), r]));
  const municipalityByName = new Map(municipalities.map((m) => [`${nameKey(m.regionName ?? '')}|${nameKey(m.org.name)}`, m.org]));
  const schools = new Map<string, SchoolSnapshot>();
  const schoolRows = new Map<string, Organisation>();
  for (const row of stored) {
    schoolRows.set(row.org.ogrn!, row.org);
    schools.set(row.org.ogrn!, {
      ogrn: row.org.ogrn!,
      fullName: row.org.name,
      shortName: row.org.shortName ?? row.org.name,
      inn: row.org.inn,
      region: row.regionName ?? '',
      municipality: row.municipalityName ?? '',
      address: row.org.address,
      settlement: row.org.settlement,
      distanceKm: row.org.distanceKm,
      pupils: row.org.pupils,
      kind: row.org.schoolKind ?? 'school',
    });
  }
  return {
    schools,
    schoolRows,
    regions: regions.map((r) => r.name),
    municipalities: municipalities.map((m) => ({ region: m.regionName ?? '', name: m.org.name })),
    region: (name: string) => regionByName.get(nameKey(name)),
    municipality: (regionName: string, name: string) => municipalityByName.get(`${nameKey(regionName)}|${nameKey(name)}`),
    actorRegion: (actor: Actor) => regions.find((r) => r.id === actor.scope.regionId)?.name,
  };
}

/** Every row must land where the actor may import: its own municipality, region, or anywhere for an admin. */
function permissionIssues(actor: Actor, plan: ImportPlan, directory: Directory): Issue[] {
  const issues: Issue[] = [];
  const target = (school: PlannedSchool): ResourceScope => {
    const region = directory.region(school.region);
    const municipality = directory.municipality(school.region, school.municipality);
    return { regionId: region?.id ?? null, municipalityId: municipality?.id ?? null, schoolId: null };
  };
  const check = (school: PlannedSchool, previous?: Organisation) => {
    const allowed =
      can(actor, 'school.import', target(school)) && (!previous || can(actor, 'school.import', organisationScope(previous)));
    if (!allowed) {
      issues.push({
        row: school.rowNumber,
        field: 'municipality',
        message: `Нет прав на импорт школ в «${school.municipality}» (${school.region})`,
      });
    }
  };
  for (const school of plan.create) check(school);
  for (const change of plan.update) check(change.next, directory.schoolRows.get(change.ogrn));
  return issues;
}

/** Inserts a region or municipality unless one with the same key exists (committed meanwhile); returns the row. */
async function upsertPlace(tx: Executor, values: NewOrganisation & { id: string }, kind: SQL, key: PgColumn[]): Promise<Organisation> {
  const [created] = await tx.insert(organisations).values(values).onConflictDoNothing({ target: key, where: kind }).returning();
  if (created) return created;
  const [existing] = await tx
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, values.kind), values.kind === 'municipality' ? eq(organisations.regionId, values.regionId!) : undefined, sql`${organisations.nameKey} = replace(lower(btrim(regexp_replace(${values.name}::text, '\s+', ' ', 'g')) COLLATE opora_ru), 'ё', 'е')`));
  if (!existing) throw new AppError('conflict');
  return existing;
}

async function applyPlan(tx: Executor, actor: Actor, plan: ImportPlan, directory: Directory) {
  const audits: AuditInput[] = [];
  const audit = (row: Organisation, before: Organisation | null) =>
    audits.push({
      action: 'import',
      entityType: 'organisation',
      entityId: row.id,
      scope: organisationScope(row),
      before: before ? organisationSnapshot(before) : null,
      after: organisationSnapshot(row),
    });
  // Regions and municipalities are upserted on their normalised-name keys: an import running in parallel that
  // creates the same one first wins, and this import places its schools there (audited only where created).
  const regionIds = new Map<string, string>();
  for (const name of plan.newRegions) {
    const id = crypto.randomUUID();
    const region = await upsertPlace(tx, { id, kind: 'region', name, regionId: id }, sql`kind = 'region'`, [organisations.kind, organisations.nameKey]);
    if (region.id === id) audit(region, null);
    regionIds.set(nameKey(name), region.id);
  }
  const regionId = (name: string) => directory.region(name)?.id ?? regionIds.get(nameKey(name))!;
  const municipalityIds = new Map<string, { id: string; regionId: string }>();
  for (const m of plan.newMunicipalities) {
    const id = crypto.randomUUID();
    const parent = regionId(m.region);
    const municipality = await upsertPlace(
      tx,
      { id, kind: 'municipality', name: m.name, parentId: parent, regionId: parent, municipalityId: id },
      sql`kind = 'municipality'`,
      [organisations.regionId, organisations.kind, organisations.nameKey],
    );
    if (municipality.id === id) audit(municipality, null);
    municipalityIds.set(`${nameKey(m.region)}|${nameKey(m.name)}`, { id: municipality.id, regionId: parent });
  }
  const place = (school: PlannedSchool) => {
    const stored = directory.municipality(school.region, school.municipality);
    if (stored) return { municipalityId: stored.id, regionId: stored.regionId! };
    const created = municipalityIds.get(`${nameKey(school.region)}|${nameKey(school.municipality)}`)!;
    return { municipalityId: created.id, regionId: created.regionId };
  };
  const values = (school: PlannedSchool): Omit<NewOrganisation, 'id'> => {
    const { municipalityId, regionId: rid } = place(school);
    return {
      kind: 'school',
      name: school.fullName,
      shortName: school.shortName,
      ogrn: school.ogrn,
      inn: school.inn,
      address: school.address,
      settlement: school.settlement,
      distanceKm: school.distanceKm,
      pupils: school.pupils,
      schoolKind: school.kind,
      parentId: municipalityId,
      municipalityId,
      regionId: rid,
    };
  };

  for (let i = 0; i < plan.create.length; i += 500) {
    const batch = plan.create.slice(i, i + 500).map((school) => ({ id: crypto.randomUUID(), ...values(school) }));
    const created = await tx.insert(organisations).values(batch).returning();
    for (const row of created) audit(row, null);
  }
  for (const change of plan.update) {
    const before = directory.schoolRows.get(change.ogrn)!;
    // The version read when planning: a school changed meanwhile by someone else makes the import a conflict.
    const after = await updateVersioned(tx, organisations, before.id, before.version, values(change.next));
    audit(after, before);
  }
  await recordAudits(tx, actor, audits);
}

function describe(
  plan: ImportPlan,
  issues: Issue[],
  meta: Pick<SchoolImportResult, 'sheets' | 'sheetIndex' | 'headerRow' | 'headers' | 'mapping'>,
): SchoolImportResult {
  return {
    ...meta,
    committed: false,
    counts: {
      create: plan.create.length,
      update: plan.update.length,
      unchanged: plan.unchanged.length,
      newRegions: plan.newRegions.length,
      newMunicipalities: plan.newMunicipalities.length,
    },
    newMunicipalities: plan.newMunicipalities,
    sample: [
      ...plan.create.slice(0, 20).map((s) => ({ rowNumber: s.rowNumber, action: 'create' as const, name: s.shortName, municipality: s.municipality, changes: [] })),
      ...plan.update.slice(0, 20).map((u) => ({
        rowNumber: u.rowNumber,
        action: 'update' as const,
        name: u.next.shortName,
        municipality: u.next.municipality,
        changes: u.changes.map((c) => c.label),
      })),
    ],
    issues,
  };
}
