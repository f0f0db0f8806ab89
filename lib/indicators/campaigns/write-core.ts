// No 'server-only' here: the demo seed runs these writes under tsx, outside Next (see lib/demo/seed.ts).
/**
 * Writes of data collection campaigns for callers holding a transaction (./queries.ts and the demo seed). Each
 * checks the actor's right (actor null = the system), versions (409) and audits in Russian words.
 */
import { and, asc, count, desc, eq, inArray, like, ne } from 'drizzle-orm';
import {
  indicatorApprovals,
  indicatorCampaignIndicators,
  indicatorCampaignOrganisations,
  indicatorCampaignReminders,
  indicatorCampaigns,
  indicators,
  indicatorValues,
  organisations,
  users,
  type Indicator,
  type IndicatorCampaign,
  type Organisation,
} from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import type { Executor } from '@/lib/db/client';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError, type Issue } from '@/lib/errors';
import { compareRussian } from '@/lib/format/ru';
import { isId } from '@/lib/ids';
import { parseInput } from '@/lib/validation';
import { organisationFor } from '../access';
import { authorizeManage, campaignScope } from './access';
import { campaignPeriodLabel, completenessOf, remindedRecently, type Completeness } from './completeness';
import {
  CAMPAIGN_STATUS_LABELS,
  campaignDueDateSchema,
  campaignStatusSchema,
  createCampaignSchema,
  type CampaignStatusInput,
  type CreateCampaignInput,
} from './schemas';

const orgName = (o: Pick<Organisation, 'name' | 'shortName'>) => o.shortName ?? o.name;

/** Audit snapshot of a campaign in words: names, not ids. */
function auditView(c: IndicatorCampaign, extra: Record<string, unknown> = {}) {
  return {
    title: c.title,
    period: campaignPeriodLabel(c.year, c.quarter),
    dueDate: c.dueDate,
    status: CAMPAIGN_STATUS_LABELS[c.status],
    ...extra,
  };
}

/**
 * A new campaign: the asking organisation (by default the actor's) is a region, asking its municipalities, or a
 * municipality, asking its schools. The indicators are active entered indicators of the region measured at the
 * asked level (quarterly ones for a quarter); the organisations are the asked level's active ones below the asking
 * organisation (all of them unless chosen).
 */
export async function createCampaignIn(tx: Executor, actor: Actor | null, input: CreateCampaignInput, system?: { askingOrganisationId: string; externalKey?: string }): Promise<IndicatorCampaign> {
  const v = parseInput(createCampaignSchema, input);
  const askingId = system?.askingOrganisationId ?? v.askingOrganisationId ?? actor?.scope.organisationId;
  if (!askingId) throw new AppError('validation', 'Кто запрашивает: не указано');
  const asking = await organisationFor(tx, askingId);
  if (asking.kind !== 'region' && asking.kind !== 'municipality') {
    throw new AppError('validation', `Кампанию сбора объявляет регион или муниципалитет, а «${orgName(asking)}» — нет`, [{ field: 'askingOrganisationId', message: 'Кто запрашивает: регион или муниципалитет' }]);
  }
  const regionId = asking.kind === 'region' ? asking.id : asking.regionId;
  if (!regionId) throw new AppError('validation', `У организации «${orgName(asking)}» не указан регион`);
  const municipalityId = asking.kind === 'municipality' ? asking.id : null;
  const scopeOf = { regionId, municipalityId, askingOrganisationId: asking.id };
  if (actor) authorizeManage(actor, scopeOf);
  const askedKind = asking.kind === 'region' ? 'municipality' : 'school';

  // Indicators: each must be asked of this level in this region.
  const wanted = [...new Set(v.indicatorIds)];
  const found = await tx.select().from(indicators).where(inArray(indicators.id, wanted));
  const issues: Issue[] = [];
  const byId = new Map(found.map((i) => [i.id, i]));
  for (const id of wanted) {
    const ind = byId.get(id);
    const problem = !ind || ind.regionId !== regionId
      ? 'не найден в регионе'
      : ind.kind !== 'entered'
        ? 'вычисляется порталом, его не собирают'
        : ind.status !== 'active'
          ? 'не действует (черновик или архив)'
          : ind.level !== askedKind
            ? `измеряется на уровне «${ind.level === 'school' ? 'школа' : ind.level === 'municipality' ? 'муниципалитет' : 'регион'}», а запрашиваются ${askedKind === 'school' ? 'школы' : 'муниципалитеты'}`
            : v.quarter > 0 && ind.periodicity !== 'quarter'
              ? 'собирается за год, а не по кварталам'
              : null;
    if (problem) issues.push({ field: 'indicatorIds', message: `Показатель ${ind ? `${ind.code} «${ind.name.slice(0, 60)}»` : id}: ${problem}` });
  }
  if (issues.length > 0) throw new AppError('validation', issues[0]!.message, issues);

  // Organisations: the asked level below the asking organisation.
  const below = await tx
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, askedKind), eq(organisations.isActive, true), askedKind === 'municipality' ? eq(organisations.regionId, regionId) : eq(organisations.municipalityId, asking.id)));
  const belowIds = new Set(below.map((o) => o.id));
  let asked: Organisation[] = below;
  if (v.organisationIds.length > 0) {
    const chosen = [...new Set(v.organisationIds)];
    const missing = chosen.filter((id) => !belowIds.has(id));
    if (missing.length > 0) {
      throw new AppError('validation', `Организации: ${missing.length} не из числа ${askedKind === 'school' ? 'школ муниципалитета' : 'муниципалитетов региона'}`, [{ field: 'organisationIds', message: 'Организация не из числа запрашиваемых' }]);
    }
    asked = below.filter((o) => chosen.includes(o.id));
  }
  if (asked.length === 0) {
    throw new AppError('validation', `Организации: у «${orgName(asking)}» нет ${askedKind === 'school' ? 'действующих школ' : 'действующих муниципалитетов'}`, [{ field: 'organisationIds', message: 'Некого запрашивать' }]);
  }
  const now = new Date();
  const [created] = await tx
    .insert(indicatorCampaigns)
    .values({
      regionId,
      municipalityId,
      askingOrganisationId: asking.id,
      askedKind,
      title: v.title,
      description: v.description,
      year: v.year,
      quarter: v.quarter,
      dueDate: v.dueDate,
      status: v.status,
      openedAt: v.status === 'open' ? now : null,
      createdBy: actor?.id ?? null,
      externalKey: system?.externalKey ?? null,
    })
    .returning();
  if (!created) throw new AppError('internal');
  await tx.insert(indicatorCampaignIndicators).values(wanted.map((indicatorId) => ({ campaignId: created.id, indicatorId })));
  await tx.insert(indicatorCampaignOrganisations).values(asked.map((o) => ({ campaignId: created.id, organisationId: o.id })));
  const codes = wanted.map((id) => byId.get(id)!.code).sort(compareRussian);
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'indicator_campaign',
    entityId: created.id,
    scope: campaignScope(created),
    after: auditView(created, { askingOrganisation: orgName(asking), indicators: codes.join(', '), organisations: asked.map(orgName).sort(compareRussian).join(', ') }),
  });
  return created;
}

const TRANSITIONS = { open: { from: 'draft', to: 'open' }, close: { from: 'open', to: 'closed' }, reopen: { from: 'closed', to: 'open' } } as const;

/** начать сбор (черновик → идёт сбор), закрыть (→ закрыта), открыть снова; wrong state or stale version → 409. */
export async function campaignStatusIn(tx: Executor, actor: Actor | null, input: CampaignStatusInput): Promise<IndicatorCampaign> {
  const a = parseInput(campaignStatusSchema, input);
  const [before] = await tx.select().from(indicatorCampaigns).where(eq(indicatorCampaigns.id, a.id)).for('update');
  if (!before) throw new AppError('not_found', 'Кампания сбора не найдена.');
  if (actor) authorizeManage(actor, before);
  const t = TRANSITIONS[a.action];
  if (before.status !== t.from) {
    throw new AppError('conflict', `Кампания «${before.title}» сейчас в состоянии «${CAMPAIGN_STATUS_LABELS[before.status]}»: действие невозможно. Обновите страницу.`);
  }
  if (before.version !== a.version) throw new AppError('conflict');
  const now = new Date();
  const after = await updateVersioned(tx, indicatorCampaigns, before.id, a.version, {
    status: t.to,
    ...(a.action === 'close' ? { closedAt: now } : { closedAt: null }),
    ...(a.action === 'open' ? { openedAt: now } : {}),
  });
  await recordAudit(tx, actor, { action: 'update', entityType: 'indicator_campaign', entityId: after.id, scope: campaignScope(after), before: auditView(before), after: auditView(after) });
  return after;
}

/** Moves the due date (a draft or an open campaign). */
export async function setDueDateIn(tx: Executor, actor: Actor | null, input: unknown): Promise<IndicatorCampaign> {
  const a = parseInput(campaignDueDateSchema, input);
  const [before] = await tx.select().from(indicatorCampaigns).where(eq(indicatorCampaigns.id, a.id)).for('update');
  if (!before) throw new AppError('not_found', 'Кампания сбора не найдена.');
  if (actor) authorizeManage(actor, before);
  if (before.status === 'closed') throw new AppError('conflict', `Кампания «${before.title}» закрыта: срок не меняется. Откройте её снова.`);
  const after = await updateVersioned(tx, indicatorCampaigns, before.id, a.version, { dueDate: a.dueDate });
  await recordAudit(tx, actor, { action: 'update', entityType: 'indicator_campaign', entityId: after.id, scope: campaignScope(after), before: auditView(before), after: auditView(after) });
  return after;
}

export interface CompletenessRow {
  organisation: Pick<Organisation, 'id' | 'name' | 'shortName' | 'kind' | 'regionId' | 'municipalityId'>;
  valuesEntered: number;
  indicatorCount: number;
  approvalState: string | null;
  submittedAt: Date | null;
  completeness: Completeness;
  lastReminderAt: Date | null;
}

/** The campaign's asked indicators, in code order. */
export async function campaignIndicatorsIn(tx: Executor, campaignId: string): Promise<Indicator[]> {
  const rows = await tx
    .select({ indicator: indicators })
    .from(indicatorCampaignIndicators)
    .innerJoin(indicators, eq(indicators.id, indicatorCampaignIndicators.indicatorId))
    .where(eq(indicatorCampaignIndicators.campaignId, campaignId));
  return rows.map((r) => r.indicator).sort((a, b) => compareRussian(a.code, b.code) || a.code.localeCompare(b.code, 'ru', { numeric: true }));
}

/**
 * Completeness of each asked organisation (optionally only some): its approval of the period, how many asked
 * indicators it has values for, and the last e-mail reminder. Four queries whatever the number of organisations.
 */
export async function completenessIn(tx: Executor, campaign: IndicatorCampaign, today: Date | string, onlyOrganisationIds?: readonly string[]): Promise<CompletenessRow[]> {
  const orgFilter = onlyOrganisationIds ? inArray(indicatorCampaignOrganisations.organisationId, [...onlyOrganisationIds]) : undefined;
  if (onlyOrganisationIds && onlyOrganisationIds.length === 0) return [];
  const orgs = await tx
    .select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName, kind: organisations.kind, regionId: organisations.regionId, municipalityId: organisations.municipalityId })
    .from(indicatorCampaignOrganisations)
    .innerJoin(organisations, eq(organisations.id, indicatorCampaignOrganisations.organisationId))
    .where(and(eq(indicatorCampaignOrganisations.campaignId, campaign.id), orgFilter));
  if (orgs.length === 0) return [];
  const orgIds = orgs.map((o) => o.id);
  const indicatorIds = (await tx.select({ id: indicatorCampaignIndicators.indicatorId }).from(indicatorCampaignIndicators).where(eq(indicatorCampaignIndicators.campaignId, campaign.id))).map((r) => r.id);
  const approvals = await tx
    .select({ organisationId: indicatorApprovals.organisationId, state: indicatorApprovals.state, submittedAt: indicatorApprovals.submittedAt })
    .from(indicatorApprovals)
    .where(and(inArray(indicatorApprovals.organisationId, orgIds), eq(indicatorApprovals.year, campaign.year), eq(indicatorApprovals.quarter, campaign.quarter)));
  const entered =
    indicatorIds.length === 0
      ? []
      : await tx
          .select({ organisationId: indicatorValues.organisationId, n: count() })
          .from(indicatorValues)
          .where(and(inArray(indicatorValues.organisationId, orgIds), inArray(indicatorValues.indicatorId, indicatorIds), eq(indicatorValues.year, campaign.year), eq(indicatorValues.quarter, campaign.quarter)))
          .groupBy(indicatorValues.organisationId);
  const reminders = await tx
    .select({ organisationId: indicatorCampaignReminders.organisationId, at: indicatorCampaignReminders.createdAt })
    .from(indicatorCampaignReminders)
    .where(and(eq(indicatorCampaignReminders.campaignId, campaign.id), ne(indicatorCampaignReminders.state, 'failed')))
    .orderBy(desc(indicatorCampaignReminders.createdAt));
  const approvalOf = new Map(approvals.map((a) => [a.organisationId, a]));
  const enteredOf = new Map(entered.map((e) => [e.organisationId, Number(e.n)]));
  const lastReminder = new Map<string, Date>();
  for (const r of reminders) if (!lastReminder.has(r.organisationId)) lastReminder.set(r.organisationId, r.at);
  return orgs
    .map((organisation): CompletenessRow => {
      const a = approvalOf.get(organisation.id);
      const valuesEntered = enteredOf.get(organisation.id) ?? 0;
      const facts = { approvalState: a?.state ?? null, submittedAt: a?.submittedAt ?? null, valuesEntered };
      return {
        organisation,
        valuesEntered,
        indicatorCount: indicatorIds.length,
        approvalState: facts.approvalState,
        submittedAt: facts.submittedAt,
        completeness: completenessOf(facts, campaign.dueDate, today),
        lastReminderAt: lastReminder.get(organisation.id) ?? null,
      };
    })
    .sort((x, y) => compareRussian(orgName(x.organisation), orgName(y.organisation)));
}

export interface ClaimedReminder {
  id: string;
  organisationId: string;
  organisationName: string;
  userId: string;
  userName: string;
  recipient: string;
}

export interface ReminderClaim {
  campaign: IndicatorCampaign;
  claimed: ClaimedReminder[];
  /** Late organisations reminded within the interval: not reminded again. */
  recentlyReminded: string[];
  /** Late organisations without an active user with an e-mail login. */
  withoutRecipients: string[];
}

/** A login that is an e-mail address (logins are stored lower-case). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Claims the e-mail reminders to the late organisations of an open campaign: under the campaign's row lock (so
 * concurrent presses, on this or another portal instance, queue here) it skips organisations reminded within the
 * interval and writes one `pending` row per recipient — the active users of the organisation whose login is an
 * e-mail address. The caller sends after commit and marks each row sent or failed.
 */
export async function claimRemindersIn(tx: Executor, actor: Actor | null, campaignId: string, now: Date = new Date()): Promise<ReminderClaim> {
  if (!isId(campaignId)) throw new AppError('not_found', 'Кампания сбора не найдена.');
  const [campaign] = await tx.select().from(indicatorCampaigns).where(eq(indicatorCampaigns.id, campaignId)).for('update');
  if (!campaign) throw new AppError('not_found', 'Кампания сбора не найдена.');
  if (actor) authorizeManage(actor, campaign);
  if (campaign.status !== 'open') throw new AppError('conflict', `Кампания «${campaign.title}» ${campaign.status === 'draft' ? 'ещё не начата' : 'закрыта'}: напоминать некому.`);
  const rows = await completenessIn(tx, campaign, now);
  const late = rows.filter((r) => r.completeness.late);
  // The last reminder of each organisation (sent or being sent; a failed one does not count) is read under the lock.
  const recentIds = new Set(late.filter((r) => remindedRecently(r.lastReminderAt, now)).map((r) => r.organisation.id));
  const due = late.filter((r) => !recentIds.has(r.organisation.id));
  const people = due.length === 0
    ? []
    : await tx
        .select({ id: users.id, name: users.name, login: users.login, organisationId: users.organisationId })
        .from(users)
        .where(and(inArray(users.organisationId, due.map((r) => r.organisation.id)), eq(users.isActive, true), like(users.login, '%@%')))
        .orderBy(asc(users.login));
  const claimed: ClaimedReminder[] = [];
  const withoutRecipients: string[] = [];
  for (const row of due) {
    const recipients = people.filter((p) => p.organisationId === row.organisation.id && EMAIL.test(p.login));
    if (recipients.length === 0) {
      withoutRecipients.push(orgName(row.organisation));
      continue;
    }
    const inserted = await tx
      .insert(indicatorCampaignReminders)
      .values(recipients.map((p) => ({ campaignId: campaign.id, organisationId: row.organisation.id, channel: 'email' as const, userId: p.id, recipient: p.login, sentBy: actor?.id ?? null, sentByName: actor?.name ?? 'Система', createdAt: now })))
      .returning({ id: indicatorCampaignReminders.id, userId: indicatorCampaignReminders.userId, recipient: indicatorCampaignReminders.recipient });
    for (const r of inserted) {
      claimed.push({ id: r.id, organisationId: row.organisation.id, organisationName: orgName(row.organisation), userId: r.userId!, userName: recipients.find((p) => p.id === r.userId)?.name ?? '', recipient: r.recipient });
    }
  }
  const remindedNames = [...new Set(claimed.map((c) => c.organisationName))];
  if (claimed.length > 0) {
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'indicator_campaign',
      entityId: campaign.id,
      scope: campaignScope(campaign),
      after: { event: 'Напоминание опоздавшим по электронной почте', organisations: remindedNames.join(', '), recipients: claimed.length },
    });
  }
  return { campaign, claimed, recentlyReminded: late.filter((r) => recentIds.has(r.organisation.id)).map((r) => orgName(r.organisation)), withoutRecipients };
}

/** Marks a claimed reminder sent or failed (a failed one does not hold back the next press). */
export async function finishReminderIn(tx: Executor, id: string, result: { ok: true } | { ok: false; error: string }): Promise<void> {
  await tx
    .update(indicatorCampaignReminders)
    .set(result.ok ? { state: 'sent', sentAt: new Date() } : { state: 'failed', error: result.error.slice(0, 500) })
    .where(eq(indicatorCampaignReminders.id, id));
}
