import 'server-only';
/**
 * Reads and writes of data collection campaigns. Every function checks the caller's permission (./access.ts):
 * the region declares campaigns to its municipalities, a municipality to its schools; whoever reads indicators in
 * the asking organisation's scope reads the campaign and its completeness; an asked organisation sees its own
 * standing on its start page. Writes run in one transaction with optimistic versions and audit (./write-core.ts).
 */
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { indicatorCampaignOrganisations, indicatorCampaigns, indicators, organisations, type IndicatorCampaign, type Organisation } from '@/db/schema';
import { entityHistory, type AuditRow } from '@/lib/audit/queries';
import type { Actor } from '@/lib/auth/actor';
import { authorize, can, reachOf } from '@/lib/auth/policy';
import { getDb } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { tableFile, type ExportedFile, type ExportFormat } from '@/lib/export';
import { compareRussian } from '@/lib/format/ru';
import { createMailer, mailConfig, type Mailer } from '@/lib/mail';
import { portalOrigin } from '@/lib/auth/redirect';
import { organisationScope } from '@/lib/organisations/scope';
import { parseInput } from '@/lib/validation';
import { campaignFor, canManageCampaign } from './access';
import { entryHref, owesFigures, reportingRate, type Completeness, type ReportingRate } from './completeness';
import { lateSheet, lateFileName } from './export-rows';
import { reminderSubject, reminderText } from './reminder-text';
import { campaignListFilterSchema, type CampaignStatusInput, type CreateCampaignInput } from './schemas';
import {
  campaignIndicatorsIn,
  campaignStatusIn,
  claimRemindersIn,
  completenessIn,
  createCampaignIn,
  finishReminderIn,
  setDueDateIn,
  type CompletenessRow,
} from './write-core';

export type { CompletenessRow };

const nameOf = (o: Pick<Organisation, 'name' | 'shortName'>) => o.shortName ?? o.name;

/** The campaigns the actor reads: an administrator all; others those asked by an organisation of their scope. */
function readableFilter(actor: Actor): SQL | undefined | false {
  const reach = reachOf(actor, 'indicator.read');
  if (reach === 'any') return undefined;
  if (reach === null) return false;
  const { scope } = actor;
  if (scope.level === 'region' && scope.regionId) return eq(indicatorCampaigns.regionId, scope.regionId);
  if (scope.level === 'municipality' && scope.municipalityId) return eq(indicatorCampaigns.municipalityId, scope.municipalityId);
  return false;
}

export interface CampaignListRow {
  campaign: IndicatorCampaign;
  askingName: string;
  rate: ReportingRate;
}

export async function listCampaigns(actor: Actor, filter: unknown = {}, today: Date = new Date()): Promise<CampaignListRow[]> {
  authorize(actor, 'indicator.read');
  const f = parseInput(campaignListFilterSchema, filter);
  const readable = readableFilter(actor);
  if (readable === false) return [];
  const db = getDb();
  const rows = await db
    .select({ campaign: indicatorCampaigns, askingName: organisations.name, askingShort: organisations.shortName })
    .from(indicatorCampaigns)
    .innerJoin(organisations, eq(organisations.id, indicatorCampaigns.askingOrganisationId))
    .where(and(readable, f.status ? eq(indicatorCampaigns.status, f.status) : undefined))
    .orderBy(desc(indicatorCampaigns.dueDate), desc(indicatorCampaigns.createdAt));
  const out: CampaignListRow[] = [];
  for (const r of rows) {
    const completeness = await completenessIn(db, r.campaign, today);
    out.push({ campaign: r.campaign, askingName: r.askingShort ?? r.askingName, rate: reportingRate(completeness.map((c) => c.completeness)) });
  }
  return out;
}

export interface CampaignDetail {
  campaign: IndicatorCampaign;
  askingName: string;
  indicators: { id: string; code: string; name: string }[];
  rows: CompletenessRow[];
  rate: ReportingRate;
  canManage: boolean;
  /** E-mail reminders can go out (SMTP configured). */
  mailEnabled: boolean;
  history: AuditRow[];
}

/** A campaign with the completeness of every asked organisation (rows are the campaign's, whoever reads it). */
export async function getCampaign(actor: Actor, id: string, today: Date = new Date()): Promise<CampaignDetail> {
  authorize(actor, 'indicator.read');
  const db = getDb();
  const campaign = await campaignFor(db, actor, id);
  const [asking] = await db.select().from(organisations).where(eq(organisations.id, campaign.askingOrganisationId));
  const list = await campaignIndicatorsIn(db, campaign.id);
  const rows = await completenessIn(db, campaign, today);
  return {
    campaign,
    askingName: asking ? nameOf(asking) : '',
    indicators: list.map((i) => ({ id: i.id, code: i.code, name: i.name })),
    rows,
    rate: reportingRate(rows.map((r) => r.completeness)),
    canManage: canManageCampaign(actor, campaign),
    mailEnabled: mailConfig() !== null,
    history: can(actor, 'audit.read') ? await entityHistory(actor, 'indicator_campaign', campaign.id) : [],
  };
}

export function createCampaign(actor: Actor, input: CreateCampaignInput): Promise<IndicatorCampaign> {
  return inTransaction((tx) => createCampaignIn(tx, actor, input));
}

export function changeCampaignStatus(actor: Actor, input: CampaignStatusInput): Promise<IndicatorCampaign> {
  return inTransaction((tx) => campaignStatusIn(tx, actor, input));
}

export function setCampaignDueDate(actor: Actor, input: unknown): Promise<IndicatorCampaign> {
  return inTransaction((tx) => setDueDateIn(tx, actor, input));
}

export interface CampaignFormOptions {
  /** Organisations the actor may declare a campaign for: its region, or its municipality. */
  asking: { id: string; name: string; kind: 'region' | 'municipality' }[];
  /** Active entered indicators of the region, by the level they are asked of. */
  indicators: { id: string; code: string; name: string; level: string; periodicity: string }[];
}

/** What the «new campaign» form offers the actor; none when it may declare no campaign. */
export async function campaignFormOptions(actor: Actor): Promise<CampaignFormOptions> {
  authorize(actor, 'indicator.read');
  const { scope } = actor;
  const db = getDb();
  const candidates: Organisation[] = [];
  if (scope.level === 'region' && scope.regionId) {
    candidates.push(...(await db.select().from(organisations).where(and(eq(organisations.regionId, scope.regionId), inArray(organisations.kind, ['region', 'municipality']), eq(organisations.isActive, true)))));
  } else if (scope.level === 'municipality' && scope.municipalityId) {
    candidates.push(...(await db.select().from(organisations).where(eq(organisations.id, scope.municipalityId))));
  } else if (actor.role === 'admin') {
    candidates.push(...(await db.select().from(organisations).where(and(inArray(organisations.kind, ['region', 'municipality']), eq(organisations.isActive, true)))));
  }
  const asking = candidates
    .filter((o) => canManageCampaign(actor, { regionId: o.regionId ?? o.id, municipalityId: o.kind === 'municipality' ? o.id : null, askingOrganisationId: o.id }))
    .sort((a, b) => (a.kind === b.kind ? compareRussian(nameOf(a), nameOf(b)) : a.kind === 'region' ? -1 : 1))
    .map((o) => ({ id: o.id, name: nameOf(o), kind: o.kind as 'region' | 'municipality' }));
  const regionIds = [...new Set(candidates.map((o) => o.regionId ?? o.id))];
  const list =
    asking.length === 0 || regionIds.length === 0
      ? []
      : await db.select().from(indicators).where(and(inArray(indicators.regionId, regionIds), eq(indicators.kind, 'entered'), eq(indicators.status, 'active')));
  return {
    asking,
    indicators: list
      .sort((a, b) => compareRussian(a.code, b.code))
      .map((i) => ({ id: i.id, code: i.code, name: i.name, level: i.level, periodicity: i.periodicity })),
  };
}

export interface RemindResult {
  sent: { organisation: string; recipient: string }[];
  failed: { organisation: string; recipient: string; error: string }[];
  recentlyReminded: string[];
  withoutRecipients: string[];
}

/**
 * «Напомнить опоздавшим»: an e-mail to every active user (with an e-mail login) of each late organisation, at most
 * once per organisation within the interval whoever presses and on whichever portal instance. Refused with a
 * Russian message when SMTP is not configured. `mailer` replaces the configured one (tests).
 */
export async function remindLate(actor: Actor, id: string, options: { now?: Date; mailer?: Mailer } = {}): Promise<RemindResult> {
  authorize(actor, 'indicator.read');
  const now = options.now ?? new Date();
  const config = mailConfig();
  if (!options.mailer && !config) {
    throw new AppError('conflict', 'Рассылка писем выключена: не заданы OPORA_SMTP_URL и OPORA_MAIL_FROM. Опоздавшие видят напоминание на своей стартовой странице.');
  }
  // Read first: an unreadable campaign is 404, not 403.
  await campaignFor(getDb(), actor, id);
  const claim = await inTransaction((tx) => claimRemindersIn(tx, actor, id, now));
  const result: RemindResult = { sent: [], failed: [], recentlyReminded: claim.recentlyReminded, withoutRecipients: claim.withoutRecipients };
  if (claim.claimed.length === 0) return result;
  const db = getDb();
  const { campaign } = claim;
  const [asking] = await db.select().from(organisations).where(eq(organisations.id, campaign.askingOrganisationId));
  const list = await campaignIndicatorsIn(db, campaign.id);
  const rows = await completenessIn(db, campaign, now, [...new Set(claim.claimed.map((c) => c.organisationId))]);
  const daysLateOf = new Map(rows.map((r) => [r.organisation.id, r.completeness.daysLate]));
  const mailer = options.mailer ?? createMailer(config!);
  const baseUrl = portalOrigin(process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`);
  try {
    for (const c of claim.claimed) {
      const facts = {
        campaignTitle: campaign.title,
        year: campaign.year,
        quarter: campaign.quarter,
        dueDate: campaign.dueDate,
        askingName: asking ? nameOf(asking) : '',
        organisationId: c.organisationId,
        organisationName: c.organisationName,
        recipientName: c.userName,
        daysLate: daysLateOf.get(c.organisationId) ?? 0,
        indicators: list,
        baseUrl,
      };
      try {
        await mailer.send({ to: c.recipient, subject: reminderSubject(facts), text: reminderText(facts) });
        await finishReminderIn(db, c.id, { ok: true });
        result.sent.push({ organisation: c.organisationName, recipient: c.recipient });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.error('[mail]', message);
        await finishReminderIn(db, c.id, { ok: false, error: message });
        result.failed.push({ organisation: c.organisationName, recipient: c.recipient, error: 'письмо не принято почтовым сервером' });
      }
    }
  } finally {
    if (!options.mailer) mailer.close();
  }
  return result;
}

export interface OwedCampaign {
  campaignId: string;
  title: string;
  year: number;
  quarter: number;
  dueDate: string;
  askingName: string;
  organisationId: string;
  organisationName: string;
  completeness: Completeness;
  entryHref: string;
  canEnter: boolean;
}

/**
 * The start page's reminder: open campaigns that ask the actor's own organisation and that it has not yet
 * submitted figures for — late ones first, then by due date.
 */
export async function owedCampaigns(actor: Actor, today: Date = new Date()): Promise<OwedCampaign[]> {
  const db = getDb();
  const [own] = await db.select().from(organisations).where(eq(organisations.id, actor.scope.organisationId));
  if (!own || (own.kind !== 'municipality' && own.kind !== 'school')) return [];
  const ownScope = organisationScope(own);
  if (!can(actor, 'indicator.read', ownScope)) return [];
  const asked = await db
    .select({ campaign: indicatorCampaigns, askingName: organisations.name, askingShort: organisations.shortName })
    .from(indicatorCampaignOrganisations)
    .innerJoin(indicatorCampaigns, eq(indicatorCampaigns.id, indicatorCampaignOrganisations.campaignId))
    .innerJoin(organisations, eq(organisations.id, indicatorCampaigns.askingOrganisationId))
    .where(and(eq(indicatorCampaignOrganisations.organisationId, own.id), eq(indicatorCampaigns.status, 'open')));
  const out: OwedCampaign[] = [];
  for (const a of asked) {
    const [row] = await completenessIn(db, a.campaign, today, [own.id]);
    if (!row || !owesFigures(row.completeness)) continue;
    out.push({
      campaignId: a.campaign.id,
      title: a.campaign.title,
      year: a.campaign.year,
      quarter: a.campaign.quarter,
      dueDate: a.campaign.dueDate,
      askingName: a.askingShort ?? a.askingName,
      organisationId: own.id,
      organisationName: nameOf(own),
      completeness: row.completeness,
      entryHref: entryHref(own.id, a.campaign.year, a.campaign.quarter),
      canEnter: can(actor, 'indicator.write', ownScope),
    });
  }
  return out.sort((x, y) => Number(y.completeness.late) - Number(x.completeness.late) || x.dueDate.localeCompare(y.dueDate));
}

/** The organisations that have not submitted (late first), as XLSX or CSV. */
export async function exportLateList(actor: Actor, id: string, format: ExportFormat, today: Date = new Date()): Promise<ExportedFile> {
  const detail = await getCampaign(actor, id, today);
  return tableFile(format, lateSheet(detail, today), (extension) => lateFileName(detail.campaign, extension));
}
