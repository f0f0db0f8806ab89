// No 'server-only' here: the indicators benchmark runs this import under tsx, outside Next (as lib/indicators/write-core.ts).
/**
 * Import of entered indicator values, once the file has been read into a grid: mapping → rows → matched to the
 * organisations the actor enters values for and the indicators of its region → plan against the stored values,
 * the period locks and last year's values. A dry run answers the preview; a commit writes exactly the plan in the
 * caller's transaction (versions of the changed values checked, every write audited) or, when any row has a
 * problem, nothing at all.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { indicators, indicatorApprovals, indicatorValues, organisations, type IndicatorValue } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize, can, reachOf } from '@/lib/auth/policy';
import { scopeFilter } from '@/lib/auth/scope-filter';
import type { Executor } from '@/lib/db/client';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError, type Issue } from '@/lib/errors';
import { pluralize } from '@/lib/format/ru';
import { organisationScope } from '@/lib/organisations/scope';
import { nameKey } from '@/lib/schools/import/values';
import { periodLabel, snapshot } from '../access';
import { deriveYearFiguresIn } from '../write-core';
import {
  guessValueHeaderRow,
  indicatorKey,
  guessValueMapping,
  matchValueRows,
  periodKey,
  planValueImport,
  readValueRows,
  valueKey,
  type KnownIndicator,
  type KnownOrganisation,
  type PlannedValue,
  type StoredValue,
  type ValueDirectory,
  type ValueMapping,
  type ValuePlan,
} from './plan';

export interface ValueImportGrid {
  rows: readonly (readonly string[])[];
  sheets: string[];
  /** 0-based header row; guessed when absent. */
  headerRow?: number;
  /** Guessed from the headers when absent. */
  mapping?: ValueMapping;
  dryRun: boolean;
  /** The endpoint of one indicator: its code fills the «Код показателя» field of every row. */
  indicatorId?: string;
}

export interface ValueImportResult {
  committed: boolean;
  sheets: string[];
  headerRow: number;
  headers: string[];
  mapping: ValueMapping;
  counts: { create: number; update: number; unchanged: number; warnings: number };
  sample: { rowNumber: number; action: 'create' | 'update' | 'unchanged'; organisation: string; indicator: string; period: string; value: number; note: string }[];
  issues: Issue[];
  /** Values that look wrong (an outlier): shown, never blocking. */
  warnings: Issue[];
}

const CHUNK = 2000;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The organisations whose values the actor enters and the indicators of its region (every region for an administrator). */
async function loadDirectory(executor: Executor, actor: Actor): Promise<ValueDirectory> {
  const orgRows = await executor
    .select({ id: organisations.id, regionId: organisations.regionId, municipalityId: organisations.municipalityId, name: organisations.name, shortName: organisations.shortName, kind: organisations.kind, ogrn: organisations.ogrn })
    .from(organisations)
    .where(
      and(
        inArray(organisations.kind, ['region', 'municipality', 'school']),
        eq(organisations.isActive, true),
        scopeFilter(actor, 'indicator.write', { regionId: organisations.regionId, municipalityId: organisations.municipalityId, schoolId: organisations.id, ownerOrganisationId: organisations.id }),
      ),
    );
  const organisationsByOgrn = new Map<string, KnownOrganisation>();
  const organisationsByName = new Map<string, KnownOrganisation[]>();
  for (const o of orgRows) {
    if (!can(actor, 'indicator.write', organisationScope(o))) continue;
    const known: KnownOrganisation = { id: o.id, regionId: o.regionId, name: o.shortName ?? o.name, kind: o.kind, ogrn: o.ogrn };
    if (o.ogrn) organisationsByOgrn.set(o.ogrn, known);
    for (const name of new Set([nameKey(o.name), nameKey(o.shortName ?? o.name)])) organisationsByName.set(name, [...(organisationsByName.get(name) ?? []), known]);
  }
  const indRows =
    reachOf(actor, 'indicator.read') === 'any'
      ? await executor.select().from(indicators)
      : actor.scope.regionId
        ? await executor.select().from(indicators).where(eq(indicators.regionId, actor.scope.regionId))
        : [];
  const indicatorsByCode = new Map<string, KnownIndicator>();
  const indicatorsByName = new Map<string, KnownIndicator[]>();
  for (const i of indRows) {
    const known: KnownIndicator = {
      id: i.id, regionId: i.regionId, code: i.code, name: i.name, unit: i.unit, kind: i.kind, status: i.status, level: i.level,
      periodicity: i.periodicity, outlierJump: i.outlierJump, minValue: i.minValue, maxValue: i.maxValue,
    };
    // Codes are unique within a region; an administrator's file names a region's indicator through its organisation.
    indicatorsByCode.set(indicatorKey(i.regionId, i.code), known);
    const byName = indicatorKey(i.regionId, i.name);
    indicatorsByName.set(byName, [...(indicatorsByName.get(byName) ?? []), known]);
  }
  return { organisationsByOgrn, organisationsByName, indicatorsByCode, indicatorsByName };
}

/** Stored values of the matched cells and of the year before, and the periods that are not open. */
async function loadContext(executor: Executor, rows: readonly { ind: { id: string }; org: { id: string }; year: number }[], forUpdate: boolean) {
  const indicatorIds = [...new Set(rows.map((r) => r.ind.id))];
  const orgIds = [...new Set(rows.map((r) => r.org.id))];
  const years = [...new Set(rows.flatMap((r) => [r.year, r.year - 1]))];
  const stored = new Map<string, StoredValue>();
  const lastYear = new Map<string, number>();
  const locks = new Map<string, 'submitted' | 'approved'>();
  const valueRows: IndicatorValue[] = [];
  if (rows.length === 0) return { stored, lastYear, locks, valueRows };
  for (const part of chunks(orgIds)) {
    const query = executor
      .select()
      .from(indicatorValues)
      .where(and(inArray(indicatorValues.indicatorId, indicatorIds), inArray(indicatorValues.organisationId, part), inArray(indicatorValues.year, years)));
    valueRows.push(...(forUpdate ? await query.for('update') : await query));
    const approvalQuery = executor
      .select({ organisationId: indicatorApprovals.organisationId, year: indicatorApprovals.year, quarter: indicatorApprovals.quarter, state: indicatorApprovals.state })
      .from(indicatorApprovals)
      .where(and(inArray(indicatorApprovals.organisationId, part), inArray(indicatorApprovals.year, years), inArray(indicatorApprovals.state, ['submitted', 'approved'])));
    for (const a of forUpdate ? await approvalQuery.for('update') : await approvalQuery) {
      locks.set(periodKey(a.organisationId, a.year, a.quarter), a.state as 'submitted' | 'approved');
    }
  }
  for (const v of valueRows) {
    const key = valueKey(v.indicatorId, v.organisationId, v.year, v.quarter);
    stored.set(key, { id: v.id, value: v.value, numerator: v.numerator, denominator: v.denominator, comment: v.comment, version: v.version });
    lastYear.set(key, v.value);
  }
  return { stored, lastYear, locks, valueRows };
}

/** The whole import on a grid; `executor` is a transaction when `dryRun` is false. */
export async function importValueGridIn(executor: Executor, actor: Actor, request: ValueImportGrid): Promise<ValueImportResult> {
  authorize(actor, 'indicator.write');
  if (request.rows.length === 0) throw new AppError('validation', 'В файле нет данных: лист пуст.');
  const directory = await loadDirectory(executor, actor);
  let mapping = request.mapping;
  let headerRow = request.headerRow;
  let fixedCode: string | undefined;
  if (request.indicatorId) {
    const fixed = [...directory.indicatorsByCode.values()].find((i) => i.id === request.indicatorId);
    if (!fixed) throw new AppError('not_found', 'Показатель не найден.');
    fixedCode = fixed.code;
  }
  headerRow ??= guessValueHeaderRow(request.rows);
  const headers = (request.rows[headerRow] ?? []).map(String);
  mapping ??= guessValueMapping(headers);
  if (fixedCode) mapping = { ...mapping, indicator: { value: fixedCode } };
  const read = readValueRows(request.rows, headerRow, mapping);
  const matched = matchValueRows(read.rows, directory);
  const context = await loadContext(executor, matched.rows, !request.dryRun);
  const plan = planValueImport(matched.rows, context);
  const issues = [...read.issues, ...matched.issues, ...plan.issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const result = describe(plan, issues, { sheets: request.sheets, headerRow, headers, mapping });
  if (request.dryRun) return result;
  if (issues.length > 0) {
    throw new AppError('validation', `Импорт не выполнен: ${pluralize(issues.length, ['ошибка', 'ошибки', 'ошибок'])} в файле. Ничего не записано.`, issues);
  }
  await applyPlan(executor, actor, plan, context.valueRows);
  return { ...result, committed: true };
}

/** Rows of one statement: the batch travels as one JSON parameter (a few MB), not as 14 parameters a row. */
const WRITE_BATCH = 5000;

/**
 * Writes the plan: new values in a few INSERT … SELECT FROM jsonb_to_recordset statements, changed values one by
 * one with their version, and one journal entry per value («import»), the same snapshot the grid's write path
 * records (the row without its bookkeeping timestamps).
 */
async function applyPlan(tx: Executor, actor: Actor, plan: ValuePlan, storedRows: readonly IndicatorValue[]): Promise<void> {
  const now = new Date();
  const orgIds = [...new Set([...plan.create, ...plan.update].map((p) => p.org.id))];
  const orgRows = new Map<string, typeof organisations.$inferSelect>();
  for (const part of chunks(orgIds)) for (const o of await tx.select().from(organisations).where(inArray(organisations.id, part))) orgRows.set(o.id, o);
  const fields = (p: PlannedValue) => ({
    value: p.value,
    numerator: p.numerator,
    denominator: p.denominator,
    comment: p.comment,
    enteredBy: actor.id,
    enteredByName: actor.name,
    enteredAt: now,
  });
  const audits: AuditRow[] = [];
  const audit = (entry: Omit<AuditRow, 'actor_id' | 'actor_name' | 'action' | 'entity_type'>) =>
    audits.push({ actor_id: actor.id, actor_name: actor.name, action: 'import', entity_type: 'indicator_value', ...entry });
  for (const batch of chunks(plan.create, WRITE_BATCH)) {
    const records = batch.map((p) => {
      const s = organisationScope(orgRows.get(p.org.id)!);
      return {
        indicator_id: p.ind.id, organisation_id: p.org.id, region_id: s.regionId, municipality_id: s.municipalityId, school_id: s.schoolId,
        year: p.year, quarter: p.quarter, value: p.value, numerator: p.numerator, denominator: p.denominator, comment: p.comment,
      };
    });
    const inserted = await tx.execute(sql`
      INSERT INTO indicator_values (indicator_id, organisation_id, region_id, municipality_id, school_id, year, quarter, value, numerator, denominator, comment, entered_by, entered_by_name, entered_at)
      SELECT r.indicator_id, r.organisation_id, r.region_id, r.municipality_id, r.school_id, r.year, r.quarter, r.value, r.numerator, r.denominator, r.comment,
             ${actor.id}::uuid, ${actor.name}, ${now.toISOString()}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(indicator_id uuid, organisation_id uuid, region_id uuid, municipality_id uuid, school_id uuid,
             year integer, quarter integer, value real, numerator real, denominator real, comment text)
      RETURNING id, indicator_id, organisation_id, year, quarter`);
    const idOf = new Map((inserted.rows as { id: string; indicator_id: string; organisation_id: string; year: number; quarter: number }[]).map((r) => [valueKey(r.indicator_id, r.organisation_id, Number(r.year), Number(r.quarter)), r.id]));
    records.forEach((r, i) => {
      const p = batch[i]!;
      const id = idOf.get(valueKey(p.ind.id, p.org.id, p.year, p.quarter))!;
      const after = {
        id, indicatorId: r.indicator_id, organisationId: r.organisation_id, regionId: r.region_id, municipalityId: r.municipality_id, schoolId: r.school_id,
        year: r.year, quarter: r.quarter, value: r.value, numerator: r.numerator, denominator: r.denominator, comment: r.comment,
        enteredBy: actor.id, enteredByName: actor.name, enteredAt: now.toISOString(), version: 1,
      };
      audit({ entity_id: id, region_id: r.region_id, municipality_id: r.municipality_id, school_id: r.school_id, before: null, after });
    });
  }
  const before = new Map(storedRows.map((r) => [r.id, r]));
  for (const p of plan.update) {
    // The version read when planning: a value changed meanwhile by someone else makes the import a conflict.
    const after = await updateVersioned(tx, indicatorValues, p.stored!.id, p.stored!.version, fields(p));
    const s = organisationScope(orgRows.get(p.org.id)!);
    audit({ entity_id: after.id, region_id: s.regionId, municipality_id: s.municipalityId, school_id: s.schoolId, before: json(snapshot(before.get(after.id)!)), after: json(snapshot(after)) });
  }
  // Quarterly indicators: the year figure of every organisation and year that got a quarter, from its quarters.
  const quarterly = [...plan.create, ...plan.update].filter((p) => p.quarter > 0 && p.ind.periodicity === 'quarter');
  if (quarterly.length > 0) {
    const ids = [...new Set(quarterly.map((p) => p.ind.id))];
    const rules = new Map((await tx.select({ id: indicators.id, unit: indicators.unit, quarterRule: indicators.quarterRule }).from(indicators).where(inArray(indicators.id, ids))).map((i) => [i.id, i]));
    const keys = new Map(quarterly.map((p) => [`${p.ind.id}:${p.org.id}:${p.year}`, { ind: rules.get(p.ind.id)!, org: orgRows.get(p.org.id)!, year: p.year }]));
    await deriveYearFiguresIn(tx, actor, [...keys.values()]);
  }
  for (const batch of chunks(audits, WRITE_BATCH)) {
    await tx.execute(sql`
      INSERT INTO audit_log (actor_id, actor_name, action, entity_type, entity_id, region_id, municipality_id, school_id, before, after)
      SELECT r.actor_id, r.actor_name, r.action, r.entity_type, r.entity_id, r.region_id, r.municipality_id, r.school_id, r.before, r.after
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS r(actor_id uuid, actor_name text, action text, entity_type text, entity_id text,
             region_id uuid, municipality_id uuid, school_id uuid, before jsonb, after jsonb)`);
  }
}

/** One journal row as the audit table holds it (lib/audit/record.ts writes the same columns). */
interface AuditRow {
  actor_id: string;
  actor_name: string;
  action: 'import';
  entity_type: 'indicator_value';
  entity_id: string;
  region_id: string | null;
  municipality_id: string | null;
  school_id: string | null;
  before: unknown;
  after: unknown;
}

/** Dates become ISO text, as the journal stores them. */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function describe(plan: ValuePlan, issues: Issue[], meta: Pick<ValueImportResult, 'sheets' | 'headerRow' | 'headers' | 'mapping'>): ValueImportResult {
  const sample = (action: 'create' | 'update' | 'unchanged', rows: PlannedValue[]) =>
    rows.slice(0, 20).map((p) => ({
      rowNumber: p.rowNumber,
      action,
      organisation: p.org.name,
      indicator: p.ind.code,
      period: periodLabel(p.year, p.quarter),
      value: p.value,
      note: p.outlier ? `Проверьте: ${p.outlier}` : '',
    }));
  return {
    ...meta,
    committed: false,
    counts: { create: plan.create.length, update: plan.update.length, unchanged: plan.unchanged.length, warnings: plan.warnings.length },
    sample: [...sample('create', plan.create), ...sample('update', plan.update), ...sample('unchanged', plan.unchanged)],
    issues,
    warnings: plan.warnings,
  };
}
