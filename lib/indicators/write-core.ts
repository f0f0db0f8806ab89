// No 'server-only' here: the demo seed runs these writes under tsx, outside Next (see lib/demo/seed.ts).
/**
 * Writes of the indicators domain for callers holding a transaction: the queries (lib/indicators/queries.ts)
 * and the demo seed. Each checks the actor's right (actor null = the system), versions and the period lock, and
 * audits. Pattern of lib/roadmaps/write-core.ts.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import {
  indicatorApprovals,
  indicatorRoadmapItems,
  indicators,
  indicatorSnapshots,
  indicatorTargets,
  indicatorValues,
  organisations,
  roadmapItems,
  roadmaps,
  type Indicator,
  type IndicatorApproval,
  type IndicatorTarget,
  type IndicatorValue,
  type Organisation,
} from '@/db/schema';
import { recordAudit, recordAudits, type AuditInput } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import type { Executor } from '@/lib/db/client';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError, type Issue } from '@/lib/errors';
import { organisationScope } from '@/lib/organisations/scope';
import { parseInput } from '@/lib/validation';
import {
  approvalOf,
  assertEditable,
  assertLevelAbove,
  assertVersion,
  authorizeOrganisation,
  indicatorScope,
  organisationFor,
  periodLabel,
  reportingScope,
  snapshot,
} from './access';
import { evaluate, expressionProblems, type Evaluation } from './expression';
import { factsDigest, loadSchoolFacts } from './facts';
import {
  approvalActionSchema,
  createIndicatorSchema,
  saveValuesSchema,
  targetSchema,
  updateIndicatorSchema,
  type ApprovalActionInput,
  type CreateIndicatorInput,
  type IndicatorExpression,
  type UpdateIndicatorInput,
  UNIT_LABELS,
} from './schemas';
import { isId } from '@/lib/ids';
import type { EvidenceUpload } from '@/lib/roadmaps/schemas';
import { QUARTER_RULE_LABELS, quarterRulesFor, yearFromQuarters } from './quarters';
import { checkCell } from './values';
import { assertFilesTotal, checkValueFile, removeValueFile, storeValueFile, type CheckedFile } from './value-files';

async function checkExpression(tx: Executor, regionId: string, expression: IndicatorExpression | null | undefined, ownCode: string) {
  if (!expression) return;
  const entered = await tx.select({ code: indicators.code }).from(indicators).where(and(eq(indicators.regionId, regionId), eq(indicators.kind, 'entered')));
  const problems = expressionProblems(expression, new Set(entered.map((e) => e.code)), ownCode);
  if (problems.length > 0) throw new AppError('validation', problems[0], problems.map((message) => ({ field: 'expression', message })));
}

async function checkRoadmap(tx: Executor, regionId: string, roadmapId: string | null | undefined) {
  if (!roadmapId) return;
  const [row] = await tx.select({ regionId: roadmaps.regionId }).from(roadmaps).where(and(eq(roadmaps.id, roadmapId), isNull(roadmaps.deletedAt)));
  if (!row || row.regionId !== regionId) {
    throw new AppError('validation', 'Дорожная карта не найдена в регионе показателя', [{ field: 'roadmapId', message: 'Дорожная карта не найдена в регионе показателя' }]);
  }
}

/** A new indicator in the actor's region (or `regionId` for the system). */
export async function createIndicatorIn(tx: Executor, actor: Actor | null, input: CreateIndicatorInput, system?: { regionId: string; ownerOrganisationId: string; externalKey?: string }): Promise<Indicator> {
  const values = parseInput(createIndicatorSchema, input);
  const regionId = system?.regionId ?? actor?.scope.regionId;
  const ownerOrganisationId = system?.ownerOrganisationId ?? actor?.scope.organisationId;
  if (!regionId || !ownerOrganisationId) throw new AppError('forbidden', 'Показатели определяет регион: учётная запись не привязана к региону.');
  const scope = { regionId, municipalityId: null, schoolId: null, ownerOrganisationId };
  if (actor) authorize(actor, 'indicator.define', scope);
  await checkExpression(tx, regionId, values.expression, values.code);
  await checkRoadmap(tx, regionId, values.roadmapId);
  const [created] = await tx
    .insert(indicators)
    .values({ ...values, expression: values.expression ?? null, roadmapId: values.roadmapId ?? null, closeShare: values.closeShare ?? 0.8, regionId, ownerOrganisationId, externalKey: system?.externalKey ?? null })
    .returning();
  if (!created) throw new AppError('internal');
  await recordAudit(tx, actor, { action: 'create', entityType: 'indicator', entityId: created.id, scope, after: snapshot(created) });
  return created;
}

export async function updateIndicatorIn(tx: Executor, actor: Actor, input: UpdateIndicatorInput): Promise<Indicator> {
  const { id, version, ...changes } = parseInput(updateIndicatorSchema, input);
  const [before] = await tx.select().from(indicators).where(eq(indicators.id, id)).for('update');
  if (!before) throw new AppError('not_found', 'Показатель не найден.');
  authorize(actor, 'indicator.define', indicatorScope(before));
  assertVersion(before, version);
  const kind = changes.kind ?? before.kind;
  const expression = changes.expression === undefined ? (before.expression as IndicatorExpression | null) : changes.expression;
  if (kind === 'computed' && !expression) throw new AppError('validation', 'Формула: обязательна для вычисляемого показателя', [{ field: 'expression', message: 'Формула: обязательна для вычисляемого показателя' }]);
  await checkExpression(tx, before.regionId, kind === 'computed' ? expression : null, changes.code ?? before.code);
  await checkRoadmap(tx, before.regionId, changes.roadmapId);
  const unit = changes.unit ?? before.unit;
  const quarterRule = changes.quarterRule ?? before.quarterRule;
  if (!quarterRulesFor(unit).includes(quarterRule)) {
    const message = `Годовое значение по кварталам: для единицы «${UNIT_LABELS[unit]}» — ${quarterRulesFor(unit).map((r) => QUARTER_RULE_LABELS[r]).join(' или ')}`;
    throw new AppError('validation', message, [{ field: 'quarterRule', message }]);
  }
  // Values are stored per the periodicity, and quarterly years derived by the rule: neither changes under them.
  const periodicityChanged = changes.periodicity !== undefined && changes.periodicity !== before.periodicity;
  const ruleChanged = before.periodicity === 'quarter' && changes.quarterRule !== undefined && changes.quarterRule !== before.quarterRule;
  if (periodicityChanged || ruleChanged) {
    const [anyValue] = await tx.select({ id: indicatorValues.id }).from(indicatorValues).where(eq(indicatorValues.indicatorId, id)).limit(1);
    if (anyValue) {
      const field = periodicityChanged ? 'periodicity' : 'quarterRule';
      const message = periodicityChanged
        ? 'Периодичность: у показателя уже есть значения — её нельзя изменить (заведите новый показатель)'
        : 'Годовое значение по кварталам: у показателя уже есть значения — правило нельзя изменить';
      throw new AppError('validation', message, [{ field, message }]);
    }
  }
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const after = await updateVersioned(tx, indicators, id, version, { ...set, expression: kind === 'computed' ? expression : null, closeShare: changes.closeShare ?? before.closeShare });
  await recordAudit(tx, actor, { action: 'update', entityType: 'indicator', entityId: id, scope: indicatorScope(after), before: snapshot(before), after: snapshot(after) });
  return after;
}

/**
 * Sets a baseline or target of a year (for the programme, or one organisation). Changing one audits before and
 * after; when values of that year already exist the audit entry says so (`valuesExisted`).
 */
export async function setTargetIn(tx: Executor, actor: Actor | null, input: unknown): Promise<IndicatorTarget> {
  const t = parseInput(targetSchema, input);
  const [indicator] = await tx.select().from(indicators).where(eq(indicators.id, t.indicatorId));
  if (!indicator) throw new AppError('not_found', 'Показатель не найден.');
  if (actor) authorize(actor, 'indicator.define', indicatorScope(indicator));
  const orgId = t.organisationId ?? null;
  if (orgId) {
    const org = await organisationFor(tx, orgId);
    if (org.regionId !== indicator.regionId) throw new AppError('validation', 'Организация не из региона показателя', [{ field: 'organisationId', message: 'Организация не из региона показателя' }]);
  }
  const [existing] = await tx
    .select()
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.indicatorId, t.indicatorId), orgId ? eq(indicatorTargets.organisationId, orgId) : isNull(indicatorTargets.organisationId), eq(indicatorTargets.kind, t.kind), eq(indicatorTargets.year, t.year)))
    .for('update');
  const [anyValue] = await tx.select({ id: indicatorValues.id }).from(indicatorValues).where(eq(indicatorValues.indicatorId, t.indicatorId)).limit(1);
  let row: IndicatorTarget | undefined;
  if (existing) {
    assertVersion(existing, t.version);
    row = await updateVersioned(tx, indicatorTargets, existing.id, existing.version, { value: t.value });
  } else {
    [row] = await tx.insert(indicatorTargets).values({ indicatorId: t.indicatorId, organisationId: orgId, kind: t.kind, year: t.year, value: t.value }).returning();
  }
  await recordAudit(tx, actor, {
    action: existing ? 'update' : 'create',
    entityType: 'indicator_target',
    entityId: row!.id,
    scope: indicatorScope(indicator),
    before: existing ? snapshot(existing) : undefined,
    after: { ...snapshot(row!), valuesExisted: Boolean(anyValue) },
  });
  return row!;
}

/** Replaces the road-map items linked to an indicator; the items must be of the indicator's region. */
export async function linkItemsIn(tx: Executor, actor: Actor | null, indicatorId: string, itemIds: readonly string[]): Promise<void> {
  const [indicator] = await tx.select().from(indicators).where(eq(indicators.id, indicatorId)).for('update');
  if (!indicator) throw new AppError('not_found', 'Показатель не найден.');
  if (actor) authorize(actor, 'indicator.define', indicatorScope(indicator));
  const unique = [...new Set(itemIds)];
  if (unique.length > 0) {
    const found = await tx
      .select({ id: roadmapItems.id, regionId: roadmaps.regionId })
      .from(roadmapItems)
      .innerJoin(roadmaps, eq(roadmaps.id, roadmapItems.roadmapId))
      .where(and(inArray(roadmapItems.id, unique), isNull(roadmapItems.deletedAt)));
    const ok = new Set(found.filter((f) => f.regionId === indicator.regionId).map((f) => f.id));
    const missing = unique.filter((id) => !ok.has(id));
    if (missing.length > 0) throw new AppError('validation', `Мероприятия не найдены в регионе показателя: ${missing.length}`, [{ field: 'itemIds', message: 'Мероприятие не найдено в регионе показателя' }]);
  }
  const before = await tx.select({ itemId: indicatorRoadmapItems.itemId }).from(indicatorRoadmapItems).where(eq(indicatorRoadmapItems.indicatorId, indicatorId));
  await tx.delete(indicatorRoadmapItems).where(eq(indicatorRoadmapItems.indicatorId, indicatorId));
  if (unique.length > 0) await tx.insert(indicatorRoadmapItems).values(unique.map((itemId) => ({ indicatorId, itemId })));
  await updateVersioned(tx, indicators, indicatorId, indicator.version, {});
  await recordAudit(tx, actor, { action: 'update', entityType: 'indicator', entityId: indicatorId, scope: indicatorScope(indicator), before: { roadmapItemIds: before.map((b) => b.itemId).sort() }, after: { roadmapItemIds: [...unique].sort() } });
}

export interface SavedValues {
  saved: IndicatorValue[];
}

/**
 * Saves a batch of cells in the caller's transaction, all or nothing: every cell is checked first (one Russian
 * message per bad cell, field `values.N.value`, or `values.N.file` for its evidence file), then the actor's right
 * on each organisation, the period lock (for a quarter of a quarterly indicator also the year's), the version of
 * each existing value; then written with audit. A quarterly indicator takes quarters only: its year figure is
 * derived from them (lib/indicators/quarters.ts) and stored in the same transaction.
 */
export async function saveValuesIn(tx: Executor, actor: Actor | null, input: unknown, enteredByName?: string): Promise<SavedValues> {
  const { values } = parseInput(saveValuesSchema, input);
  const indicatorIds = [...new Set(values.map((v) => v.indicatorId))];
  const orgIds = [...new Set(values.map((v) => v.organisationId))];
  const inds = new Map((await tx.select().from(indicators).where(inArray(indicators.id, indicatorIds))).map((i) => [i.id, i]));
  const orgs = new Map((await tx.select().from(organisations).where(inArray(organisations.id, orgIds))).map((o) => [o.id, o]));
  const issues: Issue[] = [];
  const checked = values.map((v, n) => {
    const ind = inds.get(v.indicatorId);
    const org = orgs.get(v.organisationId);
    if (!ind) throw new AppError('not_found', 'Показатель не найден.');
    if (!org) throw new AppError('not_found', 'Организация не найдена.');
    if (actor && actor.role !== 'admin' && actor.scope.regionId !== ind.regionId) throw new AppError('not_found', 'Показатель не найден.');
    if (org.regionId !== ind.regionId) throw new AppError('validation', `Организация «${org.name}» не из региона показателя ${ind.code}`);
    const label = `Показатель ${ind.code}, ${org.shortName ?? org.name}, ${periodLabel(v.year, v.quarter)}`;
    if (ind.kind === 'computed') issues.push({ field: `values.${n}.value`, message: `${label}: вычисляемый показатель не вводится` });
    if (ind.status === 'archived') issues.push({ field: `values.${n}.value`, message: `${label}: показатель в архиве` });
    if (v.quarter > 0 && ind.periodicity === 'year') issues.push({ field: `values.${n}.quarter`, message: `${label}: показатель собирается за год, не по кварталам` });
    if (v.quarter === 0 && ind.periodicity === 'quarter') {
      issues.push({ field: `values.${n}.quarter`, message: `${label}: показатель собирается по кварталам — введите значения кварталов, годовое рассчитывается (${QUARTER_RULE_LABELS[ind.quarterRule]})` });
    }
    const cell = checkCell({ unit: ind.unit, value: v.value ?? null, numerator: v.numerator ?? null, denominator: v.denominator ?? null }, label);
    for (const message of cell.errors) issues.push({ field: `values.${n}.value`, message });
    let file: CheckedFile | null = null;
    if (v.file) {
      const result = checkValueFile(v.file, label);
      if ('problem' in result) issues.push({ field: `values.${n}.file`, message: result.problem });
      else file = result.file;
    }
    return { v, ind, org, value: cell.value, file };
  });
  if (issues.length > 0) throw new AppError('validation', issues[0]!.message, issues);
  assertFilesTotal(checked.flatMap((c) => (c.file ? [c.file] : [])));
  for (const org of orgs.values()) if (actor) authorizeOrganisation(actor, 'indicator.write', org);
  else reportingScope(org);
  // The stored values of the batch, read and locked in one query (at most 5000 cells: bounded by the schema).
  const years = [...new Set(checked.map((c) => c.v.year))];
  const stored = await tx
    .select()
    .from(indicatorValues)
    .where(and(inArray(indicatorValues.indicatorId, indicatorIds), inArray(indicatorValues.organisationId, orgIds), inArray(indicatorValues.year, years)))
    .for('update');
  const storedOf = new Map(stored.map((s) => [`${s.indicatorId}:${s.organisationId}:${s.year}:${s.quarter}`, s]));
  const locks = new Map<string, IndicatorApproval | null>();
  const editable = async (org: Organisation, year: number, quarter: number) => {
    const key = `${org.id}:${year}:${quarter}`;
    if (!locks.has(key)) locks.set(key, await approvalOf(tx, org.id, year, quarter, true));
    assertEditable(locks.get(key)!, org.shortName ?? org.name, year, quarter);
  };
  const saved: IndicatorValue[] = [];
  const audits: AuditInput[] = [];
  const yearsToDerive = new Map<string, { ind: Indicator; org: Organisation; year: number }>();
  const now = new Date();
  const byName = actor?.name ?? enteredByName ?? 'Система';
  for (const { v, ind, org, value, file } of checked) {
    await editable(org, v.year, v.quarter);
    // A quarter makes the year's figure: an approved (or submitted) year keeps its quarters too.
    if (v.quarter > 0) await editable(org, v.year, 0);
    const cellKey = `${ind.id}:${org.id}:${v.year}:${v.quarter}`;
    const existing = storedOf.get(cellKey);
    const fields = {
      value: value!,
      numerator: v.numerator ?? null,
      denominator: v.denominator ?? null,
      comment: v.comment ?? '',
      enteredBy: actor?.id ?? null,
      enteredByName: byName,
      enteredAt: now,
    };
    let row: IndicatorValue | undefined;
    const sameFigures = existing && existing.value === fields.value && existing.numerator === fields.numerator && existing.denominator === fields.denominator && existing.comment === fields.comment;
    if (existing) {
      assertVersion(existing, v.version);
      // Unchanged figures and no file change: nothing written, nothing audited.
      if (sameFigures && !file && !v.removeFile) {
        saved.push(existing);
        continue;
      }
      // A file alone changes the value's version (someone holding the old one gets a 409), not who entered it.
      row = await updateVersioned(tx, indicatorValues, existing.id, existing.version, sameFigures ? {} : fields);
    } else {
      if (v.version !== undefined) throw new AppError('conflict');
      [row] = await tx
        .insert(indicatorValues)
        .values({ indicatorId: ind.id, organisationId: org.id, ...scopeColumns(org), year: v.year, quarter: v.quarter, ...fields })
        .returning();
    }
    storedOf.set(cellKey, row!); // the same cell again in the batch updates this row
    saved.push(row!);
    const before: Record<string, unknown> | undefined = existing ? snapshot(existing) : undefined;
    const after: Record<string, unknown> = snapshot(row!);
    if (file) {
      const replaced = await storeValueFile(tx, actor, row!, file, byName);
      if (before) before.evidenceFile = replaced?.fileName ?? null;
      after.evidenceFile = file.fileName;
    } else if (v.removeFile && existing) {
      const removed = await removeValueFile(tx, existing.id);
      before!.evidenceFile = removed?.fileName ?? null;
      after.evidenceFile = null;
    }
    audits.push({ action: existing ? 'update' : 'create', entityType: 'indicator_value', entityId: row!.id, scope: organisationScope(org), before, after });
    if (ind.periodicity === 'quarter' && v.quarter > 0 && !sameFigures) yearsToDerive.set(`${ind.id}:${org.id}:${v.year}`, { ind, org, year: v.year });
  }
  await recordAudits(tx, actor, audits);
  await deriveYearFiguresIn(tx, actor, [...yearsToDerive.values()]);
  return { saved };
}

/** Who «entered» a year figure derived from quarters. */
export const DERIVED_BY = 'Рассчитано по кварталам';

/**
 * Stores the year figure (quarter 0) of each quarterly indicator, organisation and year from its quarters, by the
 * indicator's rule; audited as any value change. The callers have checked the year period is editable.
 */
export async function deriveYearFiguresIn(tx: Executor, actor: Actor | null, keys: readonly { ind: Pick<Indicator, 'id' | 'unit' | 'quarterRule'>; org: Organisation; year: number }[]): Promise<void> {
  const audits: AuditInput[] = [];
  for (const { ind, org, year } of keys) {
    const rows = await tx
      .select()
      .from(indicatorValues)
      .where(and(eq(indicatorValues.indicatorId, ind.id), eq(indicatorValues.organisationId, org.id), eq(indicatorValues.year, year)))
      .for('update');
    const figure = yearFromQuarters(ind.quarterRule, ind.unit, rows.filter((r) => r.quarter > 0));
    if (!figure) continue;
    const existing = rows.find((r) => r.quarter === 0);
    const fields = { value: figure.value, numerator: figure.numerator, denominator: figure.denominator, comment: figure.comment, enteredBy: null, enteredByName: DERIVED_BY, enteredAt: new Date() };
    if (existing && existing.value === fields.value && existing.numerator === fields.numerator && existing.denominator === fields.denominator && existing.comment === fields.comment) continue;
    const row = existing
      ? await updateVersioned(tx, indicatorValues, existing.id, existing.version, fields)
      : (await tx.insert(indicatorValues).values({ indicatorId: ind.id, organisationId: org.id, ...scopeColumns(org), year, quarter: 0, ...fields }).returning())[0]!;
    audits.push({ action: existing ? 'update' : 'create', entityType: 'indicator_value', entityId: row.id, scope: organisationScope(org), before: existing ? snapshot(existing) : undefined, after: snapshot(row) });
  }
  await recordAudits(tx, actor, audits);
}

/**
 * Attaches (or replaces) the evidence file of a stored value, or removes it (`file` null): the actor enters the
 * organisation's values and the value's period is editable — an approved value's file changes only after unlock.
 * The value's version moves on; audited. Returns the value.
 */
export async function setValueFileIn(tx: Executor, actor: Actor, input: { valueId: string; version?: number; file: EvidenceUpload | null }): Promise<IndicatorValue> {
  if (!isId(input.valueId)) throw new AppError('not_found', 'Значение не найдено.');
  const [existing] = await tx.select().from(indicatorValues).where(eq(indicatorValues.id, input.valueId)).for('update');
  if (!existing) throw new AppError('not_found', 'Значение не найдено.');
  const [ind] = await tx.select().from(indicators).where(eq(indicators.id, existing.indicatorId));
  const org = await organisationFor(tx, existing.organisationId);
  if (!ind || (actor.role !== 'admin' && actor.scope.regionId !== ind.regionId)) throw new AppError('not_found', 'Значение не найдено.');
  authorizeOrganisation(actor, 'indicator.write', org);
  const label = `Показатель ${ind.code}, ${org.shortName ?? org.name}, ${periodLabel(existing.year, existing.quarter)}`;
  let file: CheckedFile | null = null;
  if (input.file) {
    const result = checkValueFile(input.file, label);
    if ('problem' in result) throw new AppError('validation', result.problem, [{ field: 'file', message: result.problem }]);
    file = result.file;
    assertFilesTotal([file]);
  }
  assertEditable(await approvalOf(tx, org.id, existing.year, existing.quarter, true), org.shortName ?? org.name, existing.year, existing.quarter);
  if (existing.quarter > 0) assertEditable(await approvalOf(tx, org.id, existing.year, 0, true), org.shortName ?? org.name, existing.year, 0);
  assertVersion(existing, input.version);
  const changed = file ? await storeValueFile(tx, actor, existing, file, actor.name) : await removeValueFile(tx, existing.id);
  if (!file && !changed) throw new AppError('validation', `${label}: файла нет — удалять нечего.`);
  const after = await updateVersioned(tx, indicatorValues, existing.id, existing.version, {});
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'indicator_value',
    entityId: existing.id,
    scope: organisationScope(org),
    before: { evidenceFile: changed?.fileName ?? null },
    after: { evidenceFile: file?.fileName ?? null },
  });
  return after;
}

function scopeColumns(org: Organisation) {
  const s = organisationScope(org);
  return { regionId: s.regionId, municipalityId: s.municipalityId, schoolId: s.schoolId };
}

/**
 * submit (the organisation or the level above; from open or returned) → approve (the level above; values locked,
 * computed values of the period frozen) or return (with a comment); unlock (the level above, with a reason)
 * reopens an approved period. Wrong transitions are 409 with the state in words.
 */
export async function approvalActionIn(tx: Executor, actor: Actor, input: ApprovalActionInput, today: Date = new Date()): Promise<IndicatorApproval> {
  const a = parseInput(approvalActionSchema, input);
  const org = await organisationFor(tx, a.organisationId);
  if (a.action === 'submit') authorizeOrganisation(actor, 'indicator.write', org);
  else assertLevelAbove(actor, org);
  let current = await approvalOf(tx, org.id, a.year, a.quarter, true);
  if (!current) {
    const [inserted] = await tx.insert(indicatorApprovals).values({ organisationId: org.id, ...scopeColumns(org), year: a.year, quarter: a.quarter }).onConflictDoNothing().returning();
    current = inserted ?? (await approvalOf(tx, org.id, a.year, a.quarter, true))!;
  } else assertVersion(current, a.version);
  const period = periodLabel(a.year, a.quarter);
  const allowed: Record<typeof a.action, IndicatorApproval['state'][]> = { submit: ['open', 'returned'], approve: ['submitted'], return: ['submitted'], unlock: ['approved'] };
  if (!allowed[a.action].includes(current.state)) {
    throw new AppError('conflict', `${STATE_SENTENCE[current.state](org.shortName ?? org.name, period)} Действие «${ACTION_LABELS[a.action]}» сейчас невозможно.`);
  }
  const now = new Date();
  const next: Partial<IndicatorApproval> =
    a.action === 'submit'
      ? { state: 'submitted', submittedBy: actor.id, submittedAt: now, comment: a.comment }
      : a.action === 'approve'
        ? { state: 'approved', decidedBy: actor.id, decidedAt: now, lockedAt: now, comment: a.comment, unlockReason: null }
        : a.action === 'return'
          ? { state: 'returned', decidedBy: actor.id, decidedAt: now, comment: a.comment }
          : { state: 'open', lockedAt: null, unlockReason: a.comment, decidedBy: actor.id, decidedAt: now };
  const after = await updateVersioned(tx, indicatorApprovals, current.id, current.version, next);
  await recordAudit(tx, actor, { action: 'update', entityType: 'indicator_approval', entityId: after.id, scope: organisationScope(org), before: snapshot(current), after: { ...snapshot(after), event: a.action } });
  if (a.action === 'approve') await freezeComputed(tx, org, after, today);
  if (a.action === 'unlock') await tx.delete(indicatorSnapshots).where(eq(indicatorSnapshots.approvalId, after.id));
  return after;
}

export const ACTION_LABELS = { submit: 'представить', approve: 'утвердить', return: 'вернуть на доработку', unlock: 'разблокировать' } as const;
const STATE_SENTENCE: Record<IndicatorApproval['state'], (org: string, period: string) => string> = {
  open: (org, period) => `Значения «${org}» за ${period} ещё не представлены.`,
  submitted: (org, period) => `Значения «${org}» за ${period} уже представлены на утверждение.`,
  approved: (org, period) => `Значения «${org}» за ${period} утверждены и заблокированы.`,
  returned: (org, period) => `Значения «${org}» за ${period} возвращены на доработку.`,
};

/** Active computed indicators of the organisation's region, evaluated now and stored with the inputs' digest. */
async function freezeComputed(tx: Executor, org: Organisation, approval: IndicatorApproval, today: Date): Promise<void> {
  if (!org.regionId || approval.quarter !== 0) return;
  const computed = await tx.select().from(indicators).where(and(eq(indicators.regionId, org.regionId), eq(indicators.kind, 'computed'), eq(indicators.status, 'active')));
  if (computed.length === 0) return;
  const facts = await loadSchoolFacts(tx, org, approval.year, today);
  const digest = factsDigest(facts);
  for (const ind of computed) {
    const e = evaluate(ind.expression as IndicatorExpression, ind.unit, facts);
    await tx
      .insert(indicatorSnapshots)
      .values({ indicatorId: ind.id, organisationId: org.id, year: approval.year, quarter: 0, value: e.value, numerator: e.numerator, denominator: e.denominator, inputDigest: digest, trace: e.trace, approvalId: approval.id })
      .onConflictDoUpdate({
        target: [indicatorSnapshots.indicatorId, indicatorSnapshots.organisationId, indicatorSnapshots.year, indicatorSnapshots.quarter],
        set: { value: e.value, numerator: e.numerator, denominator: e.denominator, inputDigest: digest, trace: e.trace, approvalId: approval.id, computedAt: new Date() },
      });
  }
}

export interface ComputedValue extends Evaluation {
  inputDigest: string;
  /** True when read from the snapshot of an approved period. */
  frozen: boolean;
  /** For a frozen value: whether today's inputs still give the same digest. */
  inputsChanged: boolean;
}

/** A computed indicator for an organisation and year: the frozen figure of an approved period, or computed now. */
export async function computeIn(tx: Executor, indicator: Indicator, org: Organisation, year: number, today: Date = new Date()): Promise<ComputedValue> {
  if (indicator.kind !== 'computed') throw new AppError('validation', `Показатель ${indicator.code} вводится, а не вычисляется`);
  const facts = await loadSchoolFacts(tx, org, year, today);
  const digest = factsDigest(facts);
  const [frozen] = await tx
    .select()
    .from(indicatorSnapshots)
    .where(and(eq(indicatorSnapshots.indicatorId, indicator.id), eq(indicatorSnapshots.organisationId, org.id), eq(indicatorSnapshots.year, year), eq(indicatorSnapshots.quarter, 0)));
  if (frozen) {
    return { value: frozen.value, numerator: frozen.numerator, denominator: frozen.denominator, trace: frozen.trace as Evaluation['trace'], inputDigest: frozen.inputDigest, frozen: true, inputsChanged: frozen.inputDigest !== digest };
  }
  return { ...evaluate(indicator.expression as IndicatorExpression, indicator.unit, facts), inputDigest: digest, frozen: false, inputsChanged: false };
}
