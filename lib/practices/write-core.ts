// No 'server-only' here: the demo seed runs these writes under tsx, outside Next (see lib/demo/seed.ts).
/**
 * Writes of the practice bank for callers holding a transaction: the server queries (queries.ts) and the demo
 * seed. Each asks the workflow (workflow.ts) whether the actor may take the step, checks the optimistic version
 * (409), and audits in Russian. Pattern of lib/indicators/write-core.ts.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import {
  classificationResults,
  classificationRuns,
  indicators,
  organisations,
  PRACTICE_STATUSES,
  practiceAdoptions,
  practiceAttachmentFiles,
  practiceAttachments,
  practiceAuthors,
  practiceCriteria,
  practiceDecisions,
  practiceLinks,
  practiceReviews,
  practiceReviewScores,
  practices,
  practiceVersions,
  roadmapItems,
  roadmaps,
  users,
  type Organisation,
  type Practice,
  type PracticeDecisionKind,
} from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import type { Executor } from '@/lib/db/client';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError } from '@/lib/errors';
import { isId } from '@/lib/ids';
import { checkEvidenceFiles } from '@/lib/roadmaps/evidence-type';
import { parseInput } from '@/lib/validation';
import { openReviewOf, participantOf, practiceFor, practiceScope, practiceSnapshot, stateOf } from './access';
import { DECISION_LABELS, EVIDENCE_LABELS, STATUS_LABELS } from './labels';
import {
  adoptSchema,
  assignSchema,
  createPracticeSchema,
  decideSchema,
  scoreSchema,
  stepSchema,
  updatePracticeSchema,
  type AdoptInput,
  type AssignInput,
  type CreatePracticeInput,
  type DecideInput,
  type PracticeFields,
  type ScoreInput,
  type StepInput,
  type UpdatePracticeInput,
} from './schemas';
import { scoreProblems } from './scoring';
import { allowed, NEXT_STATUS, statusAfterEdit, type PracticeAction } from './workflow';

const ACTION_REFUSALS: Record<PracticeAction, string> = {
  edit: 'Править практику может команда школы-автора, пока практика — черновик, возвращена на доработку или опубликована.',
  submit: 'Подать практику на экспертизу может команда школы-автора из черновика или после доработки.',
  assign: 'Назначать экспертов может методист региона, пока практика подана или на экспертизе.',
  score: 'Оценивать практику может назначенный ей эксперт, пока она на экспертизе.',
  accept: 'Принять решение может методист, когда практика на экспертизе.',
  return: 'Вернуть на доработку может методист, когда практика на экспертизе.',
  reject: 'Отклонить может методист, когда практика на экспертизе.',
  publish: 'Опубликовать можно только принятую практику; это делает методист.',
  archive: 'Перенести в архив можно опубликованную практику; это делает методист.',
  adopt: 'Отметить «внедряем» может команда другой школы у опубликованной практики.',
};

async function assertAllowed(tx: Executor, actor: Actor, practice: Practice, action: PracticeAction) {
  const open = action === 'score' ? await openReviewOf(tx, actor, practice) : null;
  const who = participantOf(actor, practice, open !== null);
  if (action === 'score' && who.sameSchool) throw new AppError('forbidden', 'Эксперт не может оценивать практику своей школы.');
  if (!allowed(action, stateOf(practice), who)) {
    // A step the participant may take in some other state is a conflict (409); one it may never take is forbidden.
    const sometimes = PRACTICE_STATUSES.some((status) => allowed(action, { status, hasPublishedVersion: true }, who));
    throw new AppError(sometimes ? 'conflict' : 'forbidden', `${ACTION_REFUSALS[action]} Сейчас: ${STATUS_LABELS[practice.status]}.`);
  }
  return open;
}

/** The latest published social cluster of a school (null: in no published run). */
async function clusterOf(tx: Executor, schoolId: string): Promise<number | null> {
  const [row] = await tx
    .select({ cluster: classificationResults.cluster })
    .from(classificationResults)
    .innerJoin(classificationRuns, eq(classificationRuns.id, classificationResults.runId))
    .where(and(eq(classificationResults.schoolId, schoolId), eq(classificationRuns.status, 'published')))
    .orderBy(desc(classificationRuns.year), desc(classificationRuns.createdAt))
    .limit(1);
  return row?.cluster ?? null;
}

async function authorSchool(tx: Executor, actor: Actor, schoolId: string | undefined): Promise<Organisation> {
  const id = schoolId ?? actor.scope.schoolId;
  if (!id || !isId(id)) throw new AppError('validation', 'Школа: укажите школу-автора практики.', [{ field: 'schoolId', message: 'Укажите школу-автора практики' }]);
  const [school] = await tx.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  if (!school || school.kind !== 'school') throw new AppError('validation', 'Школа не найдена.', [{ field: 'schoolId', message: 'Школа не найдена' }]);
  return school;
}

async function checkLinks(tx: Executor, regionId: string, values: PracticeFields) {
  if (values.roadmapItemIds.length > 0) {
    const rows = await tx
      .select({ id: roadmapItems.id })
      .from(roadmapItems)
      .innerJoin(roadmaps, eq(roadmaps.id, roadmapItems.roadmapId))
      .where(and(inArray(roadmapItems.id, values.roadmapItemIds), eq(roadmaps.regionId, regionId), isNull(roadmapItems.deletedAt)));
    if (rows.length !== new Set(values.roadmapItemIds).size) throw new AppError('validation', 'Мероприятие дорожной карты не найдено в регионе практики.', [{ field: 'roadmapItemIds', message: 'Мероприятие не найдено в регионе практики' }]);
  }
  if (values.indicatorIds.length > 0) {
    const rows = await tx.select({ id: indicators.id }).from(indicators).where(and(inArray(indicators.id, values.indicatorIds), eq(indicators.regionId, regionId)));
    if (rows.length !== new Set(values.indicatorIds).size) throw new AppError('validation', 'Показатель не найден в регионе практики.', [{ field: 'indicatorIds', message: 'Показатель не найден в регионе практики' }]);
  }
}

async function writeChildren(tx: Executor, practiceId: string, values: PracticeFields) {
  await tx.delete(practiceAuthors).where(eq(practiceAuthors.practiceId, practiceId));
  if (values.authors.length > 0) await tx.insert(practiceAuthors).values(values.authors.map((a, position) => ({ practiceId, position, name: a.name, role: a.role, consentPublic: a.consentPublic })));
  await tx.delete(practiceLinks).where(eq(practiceLinks.practiceId, practiceId));
  const links = [...new Set(values.roadmapItemIds)].map((roadmapItemId) => ({ practiceId, roadmapItemId })) as { practiceId: string; roadmapItemId?: string; indicatorId?: string }[];
  for (const indicatorId of new Set(values.indicatorIds)) links.push({ practiceId, indicatorId });
  if (links.length > 0) await tx.insert(practiceLinks).values(links);
}

function fieldValues(values: PracticeFields) {
  return {
    title: values.title,
    summary: values.summary,
    problem: values.problem,
    riskFactors: values.riskFactors,
    grades: values.grades,
    subjects: values.subjects,
    body: values.body,
    resources: values.resources,
    costBand: values.costBand,
    claimedResults: values.claimedResults,
    tags: values.tags,
    startedOn: values.startedOn ?? null,
  };
}

async function saveVersion(tx: Executor, actor: Actor, practice: Practice, values: PracticeFields) {
  await tx.insert(practiceVersions).values({
    practiceId: practice.id,
    number: practice.revision,
    snapshot: { ...practiceSnapshot(practice), authors: values.authors.filter((a) => a.consentPublic).map((a) => ({ name: a.name, role: a.role })) },
    authorName: actor.name,
  });
}

/** A new practice (draft) of the actor's school, or of `schoolId` for a region's staff who may submit there. */
export async function createPracticeIn(tx: Executor, actor: Actor, input: CreatePracticeInput, externalKey?: string): Promise<Practice> {
  const values = parseInput(createPracticeSchema, input);
  const school = await authorSchool(tx, actor, values.schoolId);
  const scope = { regionId: school.regionId, municipalityId: school.municipalityId, schoolId: school.id, ownerOrganisationId: school.id };
  if (!can(actor, 'practice.submit', scope)) throw new AppError('forbidden', 'Описать практику может команда школы-автора.');
  if (!school.regionId) throw new AppError('validation', 'Школа не привязана к региону.');
  await checkLinks(tx, school.regionId, values);
  const [practice] = await tx
    .insert(practices)
    .values({
      ...fieldValues(values),
      regionId: school.regionId,
      municipalityId: school.municipalityId,
      schoolId: school.id,
      settlement: school.settlement,
      pupils: school.pupils,
      socialCluster: await clusterOf(tx, school.id),
      externalKey: externalKey ?? null,
    })
    .returning();
  if (!practice) throw new AppError('internal');
  await writeChildren(tx, practice.id, values);
  await saveVersion(tx, actor, practice, values);
  await recordAudit(tx, actor, { action: 'create', entityType: 'practice', entityId: practice.id, scope: practiceScope(practice), after: { ...practiceSnapshot(practice), authors: values.authors.map((a) => a.name) } });
  return practice;
}

/** Edits the working copy as a new version; a published practice goes back to draft while its published version stays. */
export async function updatePracticeIn(tx: Executor, actor: Actor, input: UpdatePracticeInput): Promise<Practice> {
  const values = parseInput(updatePracticeSchema, input);
  const before = await practiceFor(tx, actor, values.id, true);
  await assertAllowed(tx, actor, before, 'edit');
  await checkLinks(tx, before.regionId, values);
  const after = await updateVersioned(tx, practices, before.id, values.version, { ...fieldValues(values), revision: before.revision + 1, status: statusAfterEdit(before.status) });
  await writeChildren(tx, after.id, values);
  await saveVersion(tx, actor, after, values);
  if (before.status === 'published') {
    await tx.insert(practiceDecisions).values({ practiceId: after.id, practiceVersion: after.revision, kind: 'revise', comment: '', authorName: actor.name });
  }
  await recordAudit(tx, actor, { action: 'update', entityType: 'practice', entityId: after.id, scope: practiceScope(after), before: practiceSnapshot(before), after: { ...practiceSnapshot(after), authors: values.authors.map((a) => a.name) } });
  return after;
}

async function step(tx: Executor, actor: Actor, practice: Practice, version: number, kind: PracticeDecisionKind, comment: string, extra: Partial<Practice> = {}): Promise<Practice> {
  const status = NEXT_STATUS[kind as PracticeAction] ?? practice.status;
  const after = await updateVersioned(tx, practices, practice.id, version, { status, ...extra });
  await tx.insert(practiceDecisions).values({ practiceId: practice.id, practiceVersion: practice.revision, kind, comment, authorName: actor.name });
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'practice',
    entityId: practice.id,
    scope: practiceScope(practice),
    before: { status: practice.status, evidenceLevel: practice.evidenceLevel },
    after: { status: after.status, evidenceLevel: after.evidenceLevel, decision: DECISION_LABELS[kind], ...(comment ? { decisionComment: comment } : {}) },
  });
  return after;
}

export async function submitPracticeIn(tx: Executor, actor: Actor, input: StepInput): Promise<Practice> {
  const values = parseInput(stepSchema, input);
  const practice = await practiceFor(tx, actor, values.id, true);
  await assertAllowed(tx, actor, practice, 'submit');
  return step(tx, actor, practice, values.version, 'submit', '');
}

/** Assigns an expert of the region to the current version; an expert of the author school is refused. */
export async function assignExpertIn(tx: Executor, actor: Actor, input: AssignInput): Promise<Practice> {
  const values = parseInput(assignSchema, input);
  const practice = await practiceFor(tx, actor, values.id, true);
  await assertAllowed(tx, actor, practice, 'assign');
  const [expert] = await tx
    .select({ user: users, org: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, values.expertId))
    .limit(1);
  const field = [{ field: 'expertId', message: 'Выберите эксперта региона' }];
  if (!expert || !expert.user.isActive || (expert.user.role !== 'expert' && expert.user.role !== 'methodologist') || expert.org.regionId !== practice.regionId) {
    throw new AppError('validation', 'Эксперт: выберите активного эксперта или методиста региона практики.', field);
  }
  if (expert.org.id === practice.schoolId) {
    throw new AppError('conflict', `Эксперт ${expert.user.name} работает в школе-авторе практики и не может её оценивать: назначьте другого эксперта.`, [{ field: 'expertId', message: 'Эксперт из школы-автора' }]);
  }
  const [existing] = await tx
    .select({ id: practiceReviews.id })
    .from(practiceReviews)
    .where(and(eq(practiceReviews.practiceId, practice.id), eq(practiceReviews.practiceVersion, practice.revision), eq(practiceReviews.expertId, expert.user.id)));
  if (existing) throw new AppError('conflict', `Эксперт ${expert.user.name} уже назначен на эту версию практики.`);
  await tx.insert(practiceReviews).values({ practiceId: practice.id, practiceVersion: practice.revision, expertId: expert.user.id, expertName: expert.user.name, assignedByName: actor.name });
  return step(tx, actor, practice, values.version, 'assign', expert.user.name);
}

/** The active criteria of a region (its own, or the defaults of the regulations). */
export async function criteriaOf(tx: Executor, regionId: string) {
  const rows = await tx
    .select()
    .from(practiceCriteria)
    .where(and(eq(practiceCriteria.isActive, true), or(eq(practiceCriteria.regionId, regionId), isNull(practiceCriteria.regionId))))
    .orderBy(practiceCriteria.position);
  const own = rows.filter((r) => r.regionId === regionId);
  return own.length > 0 ? own : rows.filter((r) => r.regionId === null);
}

/** The expert's scores on every criterion, the conclusion and the proposed evidence level; submitted once. */
export async function scorePracticeIn(tx: Executor, actor: Actor, input: ScoreInput): Promise<void> {
  const values = parseInput(scoreSchema, input);
  const [review] = await tx.select().from(practiceReviews).where(eq(practiceReviews.id, values.reviewId)).limit(1);
  if (!review || review.expertId !== actor.id) throw new AppError('not_found', 'Экспертиза не найдена.');
  const practice = await practiceFor(tx, actor, review.practiceId, true);
  if (review.practiceVersion !== practice.revision || review.submittedAt !== null) throw new AppError('conflict', 'Эта экспертиза уже завершена или относится к прежней версии практики.');
  await assertAllowed(tx, actor, practice, 'score');
  const criteria = await criteriaOf(tx, practice.regionId);
  const problems = scoreProblems(criteria, values.scores);
  if (problems.length > 0) throw new AppError('validation', problems[0]!, problems.map((message) => ({ field: 'scores', message })));
  await updateVersioned(tx, practiceReviews, review.id, values.version, { comment: values.comment, evidenceLevel: values.evidenceLevel, evidenceReason: values.evidenceReason, submittedAt: new Date() });
  await tx.insert(practiceReviewScores).values(values.scores.map((s) => ({ reviewId: review.id, criterionId: s.criterionId, score: s.score, comment: s.comment })));
  const titles = new Map(criteria.map((c) => [c.id, c.title]));
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'practice',
    entityId: practice.id,
    scope: practiceScope(practice),
    after: { expertReview: actor.name, scores: values.scores.map((s) => `${titles.get(s.criterionId)}: ${s.score}`).join('; '), evidenceLevel: values.evidenceLevel },
  });
}

/** Accept (with the evidence level and its reason), return with comments, or reject with reasons. */
export async function decidePracticeIn(tx: Executor, actor: Actor, input: DecideInput): Promise<Practice> {
  const values = parseInput(decideSchema, input);
  const practice = await practiceFor(tx, actor, values.id, true);
  await assertAllowed(tx, actor, practice, values.kind);
  if (values.kind === 'accept') {
    const submitted = await tx
      .select({ id: practiceReviews.id })
      .from(practiceReviews)
      .where(and(eq(practiceReviews.practiceId, practice.id), eq(practiceReviews.practiceVersion, practice.revision)));
    const done = await tx
      .select({ id: practiceReviews.id })
      .from(practiceReviews)
      .where(and(eq(practiceReviews.practiceId, practice.id), eq(practiceReviews.practiceVersion, practice.revision), isNull(practiceReviews.submittedAt)));
    if (submitted.length === 0 || done.length > 0) throw new AppError('conflict', 'Принять практику можно, когда все назначенные эксперты завершили экспертизу.');
    const reason = `${EVIDENCE_LABELS[values.evidenceLevel!]}: ${values.evidenceReason}`;
    return step(tx, actor, practice, values.version, 'accept', values.comment || reason, { evidenceLevel: values.evidenceLevel!, evidenceReason: values.evidenceReason });
  }
  return step(tx, actor, practice, values.version, values.kind, values.comment);
}

export async function publishPracticeIn(tx: Executor, actor: Actor, input: StepInput): Promise<Practice> {
  const values = parseInput(stepSchema, input);
  const practice = await practiceFor(tx, actor, values.id, true);
  await assertAllowed(tx, actor, practice, 'publish');
  await tx
    .update(practiceVersions)
    .set({ snapshot: { ...practiceSnapshot({ ...practice, status: 'published' }), authors: await publicAuthors(tx, practice.id) } })
    .where(and(eq(practiceVersions.practiceId, practice.id), eq(practiceVersions.number, practice.revision)));
  return step(tx, actor, practice, values.version, 'publish', '', { publishedVersion: practice.revision, publishedAt: new Date() });
}

async function publicAuthors(tx: Executor, practiceId: string) {
  const rows = await tx.select().from(practiceAuthors).where(eq(practiceAuthors.practiceId, practiceId)).orderBy(practiceAuthors.position);
  return rows.filter((a) => a.consentPublic).map((a) => ({ name: a.name, role: a.role }));
}

export async function archivePracticeIn(tx: Executor, actor: Actor, input: StepInput): Promise<Practice> {
  const values = parseInput(stepSchema, input);
  const practice = await practiceFor(tx, actor, values.id, true);
  await assertAllowed(tx, actor, practice, 'archive');
  return step(tx, actor, practice, values.version, 'archive', '', { publishedVersion: null });
}

/** «Внедряем»: the actor's school (or `schoolId` for staff) tries the practice from a date. */
export async function adoptPracticeIn(tx: Executor, actor: Actor, input: AdoptInput): Promise<string> {
  const values = parseInput(adoptSchema, input);
  const practice = await practiceFor(tx, actor, values.id, true);
  await assertAllowed(tx, actor, practice, 'adopt');
  const schoolId = actor.scope.schoolId!;
  const [school] = await tx.select({ name: organisations.name, shortName: organisations.shortName }).from(organisations).where(eq(organisations.id, schoolId));
  const [existing] = await tx.select({ id: practiceAdoptions.id }).from(practiceAdoptions).where(and(eq(practiceAdoptions.practiceId, practice.id), eq(practiceAdoptions.schoolId, schoolId)));
  if (existing) throw new AppError('conflict', 'Ваша школа уже отметила, что внедряет эту практику.');
  const id = randomUUID();
  await tx.insert(practiceAdoptions).values({ id, practiceId: practice.id, schoolId, startedOn: values.startedOn, note: values.note, authorName: actor.name });
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'practice',
    entityId: practice.id,
    scope: practiceScope(practice),
    after: { adoption: `${school?.shortName ?? school?.name ?? 'школа'} внедряет с ${values.startedOn.split('-').reverse().join('.')}` },
  });
  return id;
}

/** Attachments of a practice: checked like road-map evidence (type by content, 10 MB together), bytes in the database. */
export async function addAttachmentsIn(tx: Executor, actor: Actor, practiceId: string, version: number, rawFiles: { bytes: Uint8Array; filename: string }[]): Promise<Practice> {
  const files = checkEvidenceFiles(rawFiles);
  const practice = await practiceFor(tx, actor, practiceId, true);
  await assertAllowed(tx, actor, practice, 'edit');
  for (const file of files) {
    const id = randomUUID();
    await tx.insert(practiceAttachments).values({ id, practiceId: practice.id, fileName: file.filename, mimeType: file.mimeType, sizeBytes: file.bytes.length, authorName: actor.name });
    await tx.insert(practiceAttachmentFiles).values({ attachmentId: id, bytes: file.bytes });
  }
  const after = await updateVersioned(tx, practices, practice.id, version, {});
  await recordAudit(tx, actor, { action: 'update', entityType: 'practice', entityId: practice.id, scope: practiceScope(practice), after: { attachments: files.map((f) => f.filename).join(', ') } });
  return after;
}
