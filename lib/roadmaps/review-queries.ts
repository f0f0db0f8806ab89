import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { roadmapItems, roadmapReviewEvents, roadmaps, type Roadmap } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { authorize, can, type Action } from '@/lib/auth/policy';
import type { Executor } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { updateVersioned } from '@/lib/db/versioned';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { assertVersion, authorIdOf, roadmapFor, roadmapScope, snapshot } from './access';
import {
  approveRoadmapSchema,
  returnRoadmapSchema,
  reviewCommentSchema,
  submitRoadmapSchema,
  type ReviewCommentInput,
} from './schemas';
import type { ReviewEventKind } from './views';

/**
 * Review of school road maps: the school submits (draft / needs_revision → on_review), a curator, methodologist
 * or coordinator with `roadmap.review` comments per item and approves (→ approved) or returns it (→ needs_revision).
 * Every step is a `roadmap_review_events` row (the whole conversation) and status changes are audited.
 */
const TRANSITIONS: Record<Exclude<ReviewEventKind, 'comment' | 'reopen'>, { from: Roadmap['status'][]; to: Roadmap['status']; action: Action }> = {
  submit: { from: ['draft', 'needs_revision'], to: 'on_review', action: 'roadmap.write' },
  approve: { from: ['on_review'], to: 'approved', action: 'roadmap.review' },
  return: { from: ['on_review'], to: 'needs_revision', action: 'roadmap.review' },
};

const WRONG_STATUS: Record<Exclude<ReviewEventKind, 'comment' | 'reopen'>, string> = {
  submit: 'Отправить на согласование можно черновик или карту, возвращённую на доработку.',
  approve: 'Утвердить можно только карту на согласовании.',
  return: 'Вернуть на доработку можно только карту на согласовании.',
};

async function addEvent(tx: Executor, actor: Actor, values: { roadmapId: string; itemId?: string | null; kind: ReviewEventKind; text: string }) {
  await tx.insert(roadmapReviewEvents).values({ ...values, authorId: await authorIdOf(tx, actor), authorName: actor.name });
}

async function transition(actor: Actor, kind: Exclude<ReviewEventKind, 'comment' | 'reopen'>, roadmapId: string, version: number, text: string) {
  const rule = TRANSITIONS[kind];
  await inTransaction(async (tx) => {
    const before = await roadmapFor(tx, actor, rule.action, roadmapId, true);
    if (before.level !== 'school') throw new AppError('validation', 'Согласование проходят только дорожные карты школ.');
    assertVersion(before, version);
    if (!rule.from.includes(before.status)) throw new AppError('conflict', WRONG_STATUS[kind]);
    const after = await updateVersioned(tx, roadmaps, roadmapId, version, { status: rule.to });
    await addEvent(tx, actor, { roadmapId, kind, text });
    await recordAudit(tx, actor, { action: 'update', entityType: 'roadmap', entityId: roadmapId, scope: roadmapScope(after), before: snapshot(before), after: snapshot(after) });
  });
}

export async function submitRoadmap(actor: Actor, roadmapId: string, version: number, text?: string): Promise<void> {
  const values = parseInput(submitRoadmapSchema, { roadmapId, version, text });
  await transition(actor, 'submit', values.roadmapId, values.version, values.text ?? '');
}

export async function approveRoadmap(actor: Actor, roadmapId: string, version: number, text?: string): Promise<void> {
  const values = parseInput(approveRoadmapSchema, { roadmapId, version, text });
  await transition(actor, 'approve', values.roadmapId, values.version, values.text ?? '');
}

export async function returnRoadmap(actor: Actor, roadmapId: string, version: number, text: string): Promise<void> {
  const values = parseInput(returnRoadmapSchema, { roadmapId, version, text });
  await transition(actor, 'return', values.roadmapId, values.version, values.text);
}

/** A comment in the review conversation, on the road map or one item: by its reviewers or by the school. */
export async function commentOnReview(actor: Actor, input: ReviewCommentInput): Promise<void> {
  const values = parseInput(reviewCommentSchema, input);
  await inTransaction(async (tx) => {
    const roadmap = await roadmapFor(tx, actor, 'roadmap.read', values.roadmapId);
    const scope = roadmapScope(roadmap);
    if (!can(actor, 'roadmap.review', scope)) authorize(actor, 'roadmap.write', scope);
    if (roadmap.level !== 'school') throw new AppError('validation', 'Согласование проходят только дорожные карты школ.');
    if (values.itemId) {
      const [item] = await tx
        .select({ id: roadmapItems.id })
        .from(roadmapItems)
        .where(and(eq(roadmapItems.id, values.itemId), eq(roadmapItems.roadmapId, roadmap.id), isNull(roadmapItems.deletedAt)));
      if (!item) throw new AppError('not_found', 'Мероприятие не найдено в этой дорожной карте.');
    }
    await addEvent(tx, actor, { roadmapId: roadmap.id, itemId: values.itemId ?? null, kind: 'comment', text: values.text });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: values.itemId ? 'roadmap_item' : 'roadmap',
      entityId: values.itemId ?? roadmap.id,
      scope,
      after: { reviewComment: values.text },
    });
  });
}
