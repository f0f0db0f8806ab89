import 'server-only';
/**
 * Server queries of the practice bank. Every read and write checks the caller's right (lib/auth/policy.ts via
 * access.ts); writes run in one transaction through the write core.
 */
import { and, asc, desc, eq, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import {
  indicators,
  indicatorValues,
  organisations,
  practiceAdoptions,
  practiceAttachmentFiles,
  practiceAttachments,
  practiceAuthors,
  practiceDecisions,
  practiceLinks,
  practiceReviews,
  practiceReviewScores,
  practices,
  practiceVersions,
  roadmapItems,
  roadmaps,
  users,
  type Practice,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize, reachOf } from '@/lib/auth/policy';
import { scopeFilter } from '@/lib/auth/scope-filter';
import { getDb, type Executor } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { tableFile, type ExportedFile, type ExportFormat, type StreamedFile } from '@/lib/export';
import { COST_BAND_LABELS, EVIDENCE_LABELS, STATUS_LABELS } from './labels';
import { isId } from '@/lib/ids';
import { cleanFileName } from '@/lib/roadmaps/evidence-type';
import { parseInput } from '@/lib/validation';
import { openReviewOf, participantOf, practiceFor, stateOf, type PracticeSnapshot } from './access';
import { summariseChange, yearOf, type ChangeSummary, type MeasuredYear } from './measured';
import { searchSchema, type AdoptInput, type AssignInput, type CreatePracticeInput, type DecideInput, type ScoreInput, type SearchInput, type StepInput, type UpdatePracticeInput } from './schemas';
import { runSearch, type SearchResult } from './search';
import { seesComments, seesScores, summariseScores, type ReviewViewer, type ScoreSummary } from './scoring';
import { publishedHistory, suggestionsIn } from './suggest-query';
import type { Suggestion } from './suggest';
import { allowedActions, type PracticeAction } from './workflow';
import {
  addAttachmentsIn,
  adoptPracticeIn,
  archivePracticeIn,
  assignExpertIn,
  createPracticeIn,
  criteriaOf,
  decidePracticeIn,
  publishPracticeIn,
  scorePracticeIn,
  submitPracticeIn,
  updatePracticeIn,
} from './write-core';

const COLUMNS = { regionId: practices.regionId, municipalityId: practices.municipalityId, schoolId: practices.schoolId, ownerOrganisationId: practices.schoolId };

/** The rows the actor may list: published ones of its region, drafts in its scope, and practices it reviews. */
function staffVisible(actor: Actor): SQL | undefined {
  const reach = reachOf(actor, 'practice.read');
  if (reach === 'any') return undefined;
  const published = reach && actor.scope.regionId ? and(eq(practices.regionId, actor.scope.regionId), or(eq(practices.status, 'published'), isNotNull(practices.publishedVersion))) : sql`false`;
  const own = scopeFilter(actor, 'practice.read', COLUMNS) ?? sql`true`;
  const reviews = reachOf(actor, 'practice.review') ? (scopeFilter(actor, 'practice.review', COLUMNS) ?? sql`true`) : sql`false`;
  const assigned = sql`${practices.id} IN (SELECT ${practiceReviews.practiceId} FROM ${practiceReviews} WHERE ${practiceReviews.expertId} = ${actor.id})`;
  return or(published, own, reviews, assigned);
}

export async function searchPractices(actor: Actor, input: SearchInput): Promise<SearchResult> {
  authorize(actor, 'practice.read');
  const filters = parseInput(searchSchema, input);
  return tidy(await runSearch(getDb(), filters, staffVisible(actor)));
}

/** Published practices for everyone (no login): the published version of each, no staff fields. */
export async function searchPublicPractices(input: SearchInput): Promise<SearchResult> {
  const filters = parseInput(searchSchema, input);
  const result = await runSearch(getDb(), { ...filters, status: undefined }, isNotNull(practices.publishedVersion));
  const revised = result.rows.filter((r) => r.status !== 'published').map((r) => r.id);
  const snapshots = revised.length > 0 ? await publishedSnapshots(getDb(), revised) : new Map<string, PublishedSnapshot>();
  result.rows = result.rows.map((r) => {
    const s = snapshots.get(r.id);
    return s ? { ...r, title: s.title, summary: s.summary, snippet: '', status: 'published' } : { ...r, status: 'published' };
  });
  result.counts.status = [];
  return tidy(result);
}

/** Snippets come from Markdown: its markup characters are not shown. */
function tidy(result: SearchResult): SearchResult {
  result.rows = result.rows.map((r) => ({ ...r, snippet: r.snippet.replace(/[*_#>`|]+/g, ' ').replace(/\s+/g, ' ').trim() }));
  return result;
}

type PublishedSnapshot = PracticeSnapshot & { authors: { name: string; role: string }[] };

async function publishedSnapshots(executor: Executor, ids: string[]): Promise<Map<string, PublishedSnapshot>> {
  const rows = await executor
    .select({ id: practices.id, snapshot: practiceVersions.snapshot })
    .from(practices)
    .innerJoin(practiceVersions, and(eq(practiceVersions.practiceId, practices.id), eq(practiceVersions.number, practices.publishedVersion)))
    .where(inArray(practices.id, ids));
  return new Map(rows.map((r) => [r.id, r.snapshot as PublishedSnapshot]));
}

export interface ReviewView {
  id: string;
  expertName: string;
  practiceVersion: number;
  submitted: boolean;
  own: boolean;
  version: number;
  comment: string | null;
  evidenceLevel: string | null;
  evidenceReason: string | null;
  scores: { criterionId: string; title: string; score: number; comment: string }[] | null;
}

export interface MeasuredSchool {
  schoolId: string;
  schoolName: string;
  role: 'author' | 'adopter';
  startedOn: string | null;
  years: MeasuredYear[];
  change: ChangeSummary;
  indicators: { name: string; unit: string; source: string; values: { year: number; value: number }[] }[];
}

export interface PracticeDetail {
  practice: Practice;
  schoolName: string;
  municipalityName: string | null;
  authors: { name: string; role: string; consentPublic: boolean }[];
  attachments: { id: string; fileName: string; sizeBytes: number; createdAt: Date }[];
  versions: { number: number; authorName: string; createdAt: Date }[];
  decisions: { kind: string; comment: string; authorName: string; createdAt: Date; practiceVersion: number }[];
  reviews: ReviewView[];
  criteria: { id: string; title: string; maxScore: number }[];
  scoreSummary: ScoreSummary | null;
  actions: PracticeAction[];
  openReview: { id: string; version: number } | null;
  experts: { id: string; name: string; organisation: string; conflict: boolean }[];
  roadmapItems: { id: string; roadmapId: string; label: string }[];
  indicators: { id: string; name: string }[];
  adoptions: { schoolId: string; schoolName: string; startedOn: string; note: string }[];
  measured: MeasuredSchool[];
  /** The published version, when the working copy is a newer one under revision. */
  published: PublishedSnapshot | null;
}

export async function getPractice(actor: Actor, id: string): Promise<PracticeDetail> {
  authorize(actor, 'practice.read');
  const db = getDb();
  const practice = await practiceFor(db, actor, id);
  const open = await openReviewOf(db, actor, practice);
  const who = participantOf(actor, practice, open !== null);
  const [school, municipality] = await Promise.all([orgName(db, practice.schoolId), practice.municipalityId ? orgName(db, practice.municipalityId) : null]);
  const [authors, attachments, versions, decisions, reviewRows, criteria, links, adoptionRows] = await Promise.all([
    db.select().from(practiceAuthors).where(eq(practiceAuthors.practiceId, practice.id)).orderBy(asc(practiceAuthors.position)),
    db.select({ id: practiceAttachments.id, fileName: practiceAttachments.fileName, sizeBytes: practiceAttachments.sizeBytes, createdAt: practiceAttachments.createdAt }).from(practiceAttachments).where(eq(practiceAttachments.practiceId, practice.id)).orderBy(asc(practiceAttachments.createdAt)),
    db.select({ number: practiceVersions.number, authorName: practiceVersions.authorName, createdAt: practiceVersions.createdAt }).from(practiceVersions).where(eq(practiceVersions.practiceId, practice.id)).orderBy(desc(practiceVersions.number)),
    db.select().from(practiceDecisions).where(eq(practiceDecisions.practiceId, practice.id)).orderBy(asc(practiceDecisions.createdAt)),
    db.select().from(practiceReviews).where(eq(practiceReviews.practiceId, practice.id)).orderBy(asc(practiceReviews.createdAt)),
    criteriaOf(db, practice.regionId),
    db.select().from(practiceLinks).where(eq(practiceLinks.practiceId, practice.id)),
    db
      .select({ schoolId: practiceAdoptions.schoolId, schoolName: sql<string>`coalesce(${organisations.shortName}, ${organisations.name})`, startedOn: practiceAdoptions.startedOn, note: practiceAdoptions.note })
      .from(practiceAdoptions)
      .innerJoin(organisations, eq(organisations.id, practiceAdoptions.schoolId))
      .where(eq(practiceAdoptions.practiceId, practice.id))
      .orderBy(asc(practiceAdoptions.startedOn)),
  ]);
  const viewer: ReviewViewer = who.coordinator ? 'coordinator' : reviewRows.some((r) => r.expertId === actor.id) ? 'expert' : who.author ? 'author' : 'reader';
  const decidedVersions = new Set(decisions.filter((d) => d.kind === 'accept' || d.kind === 'return' || d.kind === 'reject').map((d) => d.practiceVersion));
  const scores = reviewRows.length > 0 ? await db.select().from(practiceReviewScores).where(inArray(practiceReviewScores.reviewId, reviewRows.map((r) => r.id))) : [];
  const titles = new Map(criteria.map((c) => [c.id, c.title]));
  const reviews: ReviewView[] = reviewRows.map((r) => {
    const own = r.expertId === actor.id;
    const showScores = seesScores(viewer, own, decidedVersions.has(r.practiceVersion));
    const showComment = seesComments(viewer) && (viewer !== 'expert' || own || decidedVersions.has(r.practiceVersion));
    return {
      id: r.id,
      expertName: viewer === 'reader' ? 'Эксперт' : r.expertName,
      practiceVersion: r.practiceVersion,
      submitted: r.submittedAt !== null,
      own,
      version: r.version,
      comment: showComment ? r.comment : null,
      evidenceLevel: showScores ? r.evidenceLevel : null,
      evidenceReason: showComment ? r.evidenceReason : null,
      scores: showScores ? scores.filter((s) => s.reviewId === r.id).map((s) => ({ criterionId: s.criterionId, title: titles.get(s.criterionId) ?? 'Критерий', score: s.score, comment: s.comment })) : showComment ? scores.filter((s) => s.reviewId === r.id && s.comment).map((s) => ({ criterionId: s.criterionId, title: titles.get(s.criterionId) ?? 'Критерий', score: -1, comment: s.comment })) : null,
    };
  });
  const current = reviewRows.filter((r) => r.practiceVersion === practice.revision);
  const scoreSummary =
    viewer === 'coordinator' || decidedVersions.has(practice.revision)
      ? summariseScores(criteria, current.map((r) => ({ expertId: r.expertId, submitted: r.submittedAt !== null, scores: scores.filter((s) => s.reviewId === r.id) })))
      : null;
  const itemIds = links.map((l) => l.roadmapItemId).filter((v): v is string => v !== null);
  const indicatorIds = links.map((l) => l.indicatorId).filter((v): v is string => v !== null);
  const [itemRows, indicatorRows] = await Promise.all([
    itemIds.length ? db.select({ id: roadmapItems.id, roadmapId: roadmapItems.roadmapId, number: roadmapItems.number, activity: roadmapItems.activity, roadmap: roadmaps.title }).from(roadmapItems).innerJoin(roadmaps, eq(roadmaps.id, roadmapItems.roadmapId)).where(inArray(roadmapItems.id, itemIds)) : [],
    indicatorIds.length ? db.select({ id: indicators.id, name: indicators.name, unit: indicators.unit, source: indicators.source }).from(indicators).where(inArray(indicators.id, indicatorIds)) : [],
  ]);
  const actions = allowedActions(stateOf(practice), who);
  const experts = actions.includes('assign') ? await expertsFor(db, practice, current.map((r) => r.expertId)) : [];
  const measured = await measuredChange(db, practice, adoptionRows, indicatorRows);
  const published = practice.publishedVersion !== null && practice.status !== 'published' ? ((await publishedSnapshots(db, [practice.id])).get(practice.id) ?? null) : null;
  return {
    practice,
    schoolName: school,
    municipalityName: municipality,
    authors: authors.map((a) => ({ name: a.name, role: a.role, consentPublic: a.consentPublic })),
    attachments,
    versions,
    decisions,
    reviews,
    criteria: criteria.map((c) => ({ id: c.id, title: c.title, maxScore: c.maxScore })),
    scoreSummary,
    actions,
    openReview: open ? { id: open.id, version: open.version } : null,
    experts,
    roadmapItems: itemRows.map((i) => ({ id: i.id, roadmapId: i.roadmapId, label: `${i.roadmap}: ${i.number ? `${i.number} ` : ''}${i.activity}` })),
    indicators: indicatorRows.map((i) => ({ id: i.id, name: i.name })),
    adoptions: adoptionRows,
    measured,
    published,
  };
}

async function orgName(executor: Executor, id: string): Promise<string> {
  const [row] = await executor.select({ name: organisations.name, shortName: organisations.shortName }).from(organisations).where(eq(organisations.id, id));
  return row ? (row.shortName ?? row.name) : '—';
}

/** Experts and methodologists of the region; those of the author school are marked as a conflict. */
async function expertsFor(executor: Executor, practice: Practice, assigned: string[]) {
  const rows = await executor
    .select({ id: users.id, name: users.name, organisationId: organisations.id, organisation: sql<string>`coalesce(${organisations.shortName}, ${organisations.name})` })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.isActive, true), inArray(users.role, ['expert', 'methodologist']), eq(organisations.regionId, practice.regionId)))
    .orderBy(asc(users.name));
  return rows.filter((r) => !assigned.includes(r.id)).map((r) => ({ id: r.id, name: r.name, organisation: r.organisation, conflict: r.organisationId === practice.schoolId }));
}

async function measuredChange(
  executor: Executor,
  practice: Practice,
  adoptions: { schoolId: string; schoolName: string; startedOn: string }[],
  linked: { id: string; name: string; unit: string; source: string }[],
): Promise<MeasuredSchool[]> {
  const schools = [
    { schoolId: practice.schoolId, schoolName: await orgName(executor, practice.schoolId), role: 'author' as const, startedOn: practice.startedOn },
    ...adoptions.map((a) => ({ schoolId: a.schoolId, schoolName: a.schoolName, role: 'adopter' as const, startedOn: a.startedOn })),
  ];
  const history = await publishedHistory(executor, schools.map((s) => s.schoolId));
  const values = linked.length
    ? await executor
        .select({ indicatorId: indicatorValues.indicatorId, organisationId: indicatorValues.organisationId, year: indicatorValues.year, value: indicatorValues.value })
        .from(indicatorValues)
        .where(and(inArray(indicatorValues.indicatorId, linked.map((l) => l.id)), inArray(indicatorValues.organisationId, schools.map((s) => s.schoolId)), eq(indicatorValues.quarter, 0)))
        .orderBy(asc(indicatorValues.year))
    : [];
  return schools.map((s) => {
    const years = (history.get(s.schoolId) ?? []).sort((a, b) => a.year - b.year);
    return {
      ...s,
      years,
      change: summariseChange(yearOf(s.startedOn), years),
      indicators: linked
        .map((l) => ({ name: l.name, unit: l.unit, source: l.source, values: values.filter((v) => v.indicatorId === l.id && v.organisationId === s.schoolId).map((v) => ({ year: v.year, value: v.value })) }))
        .filter((l) => l.values.length > 0),
    };
  });
}

export interface PublicPractice {
  id: string;
  snapshot: PublishedSnapshot;
  schoolName: string;
  municipalityName: string | null;
  settlement: 'urban' | 'rural' | null;
  publishedAt: Date | null;
  attachments: { id: string; fileName: string; sizeBytes: number }[];
  adoptions: number;
}

/** A published practice for everyone: its published version, consenting authors only, no staff fields. */
export async function getPublicPractice(id: string): Promise<PublicPractice> {
  if (!isId(id)) throw new AppError('not_found', 'Практика не найдена.');
  const db = getDb();
  const [row] = await db.select().from(practices).where(and(eq(practices.id, id), isNotNull(practices.publishedVersion)));
  if (!row) throw new AppError('not_found', 'Практика не найдена.');
  const snapshot = (await publishedSnapshots(db, [row.id])).get(row.id);
  if (!snapshot) throw new AppError('not_found', 'Практика не найдена.');
  const [attachments, [adoptions]] = await Promise.all([
    db
      .select({ id: practiceAttachments.id, fileName: practiceAttachments.fileName, sizeBytes: practiceAttachments.sizeBytes })
      .from(practiceAttachments)
      .where(and(eq(practiceAttachments.practiceId, row.id), row.publishedAt ? lte(practiceAttachments.createdAt, row.publishedAt) : sql`false`)),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(practiceAdoptions).where(eq(practiceAdoptions.practiceId, row.id)),
  ]);
  return {
    id: row.id,
    snapshot,
    schoolName: await orgName(db, row.schoolId),
    municipalityName: row.municipalityId ? await orgName(db, row.municipalityId) : null,
    settlement: row.settlement,
    publishedAt: row.publishedAt,
    attachments,
    adoptions: adoptions?.n ?? 0,
  };
}

/** «Практики для ваших рисков»: published practices of the region that address the school's risk factors, ranked. */
export async function practicesForSchool(actor: Actor, schoolId: string, profile: { riskFactors: string[]; cluster: number | null }, limit = 5): Promise<Suggestion[]> {
  authorize(actor, 'practice.read');
  if (!isId(schoolId) || profile.riskFactors.length === 0) return [];
  const db = getDb();
  const [school] = await db.select({ regionId: organisations.regionId }).from(organisations).where(eq(organisations.id, schoolId));
  if (!school?.regionId) return [];
  if (reachOf(actor, 'practice.read') !== 'any' && actor.scope.regionId !== school.regionId) return [];
  return suggestionsIn(db, school.regionId, schoolId, profile, limit);
}

const SLICE_BYTES = 1024 * 1024;

/** An attachment for download: staff who may see the practice, or anyone when the practice is published. */
export async function openPracticeAttachment(actor: Actor | null, attachmentId: string): Promise<StreamedFile> {
  if (!isId(attachmentId)) throw new AppError('not_found', 'Файл не найден.');
  const db = getDb();
  const [row] = await db
    .select({ attachment: practiceAttachments, size: sql<number | null>`octet_length(${practiceAttachmentFiles.bytes})` })
    .from(practiceAttachments)
    .leftJoin(practiceAttachmentFiles, eq(practiceAttachmentFiles.attachmentId, practiceAttachments.id))
    .where(eq(practiceAttachments.id, attachmentId))
    .limit(1);
  if (!row) throw new AppError('not_found', 'Файл не найден.');
  const [practice] = await db.select({ publishedVersion: practices.publishedVersion, publishedAt: practices.publishedAt }).from(practices).where(eq(practices.id, row.attachment.practiceId));
  // Public: files of the published version only (attached before it was published); staff: as the practice.
  const isPublic = practice?.publishedVersion != null && practice.publishedAt !== null && row.attachment.createdAt <= practice.publishedAt;
  if (!isPublic) {
    if (!actor) throw new AppError('not_found', 'Файл не найден.');
    await practiceFor(db, actor, row.attachment.practiceId);
  }
  if (row.size === null) throw new AppError('not_found', 'Файл не найден в хранилище.');
  const size = Number(row.size);
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset >= size) return controller.close();
      const [slice] = await db
        .select({ bytes: sql<Buffer>`substring(${practiceAttachmentFiles.bytes} FROM ${offset + 1} FOR ${SLICE_BYTES})` })
        .from(practiceAttachmentFiles)
        .where(eq(practiceAttachmentFiles.attachmentId, attachmentId));
      if (!slice || slice.bytes.length === 0) return controller.error(new AppError('not_found', 'Файл не найден в хранилище.'));
      offset += slice.bytes.length;
      controller.enqueue(new Uint8Array(slice.bytes));
    },
  });
  return { stream, size, fileName: cleanFileName(row.attachment.fileName), mimeType: row.attachment.mimeType };
}

// Writes: one transaction each, through the write core.
export const createPractice = (actor: Actor, input: CreatePracticeInput) => inTransaction((tx) => createPracticeIn(tx, actor, input));
export const updatePractice = (actor: Actor, input: UpdatePracticeInput) => inTransaction((tx) => updatePracticeIn(tx, actor, input));
export const submitPractice = (actor: Actor, input: StepInput) => inTransaction((tx) => submitPracticeIn(tx, actor, input));
export const assignExpert = (actor: Actor, input: AssignInput) => inTransaction((tx) => assignExpertIn(tx, actor, input));
export const scorePractice = (actor: Actor, input: ScoreInput) => inTransaction((tx) => scorePracticeIn(tx, actor, input));
export const decidePractice = (actor: Actor, input: DecideInput) => inTransaction((tx) => decidePracticeIn(tx, actor, input));
export const publishPractice = (actor: Actor, input: StepInput) => inTransaction((tx) => publishPracticeIn(tx, actor, input));
export const archivePractice = (actor: Actor, input: StepInput) => inTransaction((tx) => archivePracticeIn(tx, actor, input));
export const adoptPractice = (actor: Actor, input: AdoptInput) => inTransaction((tx) => adoptPracticeIn(tx, actor, input));
export const addAttachments = (actor: Actor, id: string, version: number, files: { bytes: Uint8Array; filename: string }[]) =>
  inTransaction((tx) => addAttachmentsIn(tx, actor, id, version, files));

/** A search result (up to 1,000 practices) as XLSX or CSV, for a seminar list. */
export async function exportPractices(actor: Actor, input: SearchInput, format: ExportFormat): Promise<ExportedFile> {
  authorize(actor, 'practice.read');
  const filters = parseInput(searchSchema, input);
  const rows: SearchResult['rows'] = [];
  for (let page = 1; page <= 10; page += 1) {
    const result = await runSearch(getDb(), { ...filters, page, pageSize: 100 }, staffVisible(actor), { counts: false, snippets: false });
    rows.push(...result.rows);
    if (result.rows.length < 100) break;
  }
  const sheet = {
    name: 'Практики',
    title: { heading: 'Банк практик', facts: [['Запрос', filters.q || 'все практики'], ['Найдено', String(rows.length)]] as [string, string][] },
    columns: [
      { header: 'Название', key: 'title', width: 50 },
      { header: 'Школа', key: 'school', width: 30 },
      { header: 'Краткое описание', key: 'summary', width: 60 },
      { header: 'Факторы риска', key: 'risks', width: 50 },
      { header: 'Затраты', key: 'cost', width: 14 },
      { header: 'Уровень доказанности', key: 'evidence', width: 26 },
      { header: 'Статус', key: 'status', width: 20 },
    ],
    rows: rows.map((r) => ({
      title: r.title,
      school: r.schoolName,
      summary: r.summary,
      risks: r.riskFactors.join('; '),
      cost: COST_BAND_LABELS[r.costBand],
      evidence: r.evidenceLevel ? EVIDENCE_LABELS[r.evidenceLevel] : '',
      status: STATUS_LABELS[r.status],
    })),
  };
  return tableFile(format, sheet, (extension) => `practices.${extension}`);
}
