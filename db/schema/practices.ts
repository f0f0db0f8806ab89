import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { editableColumns } from './columns';
import { indicators } from './indicators';
import { organisations } from './organisations';
import { roadmapItems } from './roadmaps';
import { users } from './users';

/** черновик, подана, на экспертизе, принята к публикации, на доработке, отклонена, опубликована, в архиве */
export const PRACTICE_STATUSES = ['draft', 'submitted', 'under_review', 'accepted', 'returned', 'rejected', 'published', 'archived'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

/** «без затрат», «небольшие», «умеренные», «значительные». */
export const COST_BANDS = ['none', 'low', 'moderate', 'significant'] as const;
export type CostBand = (typeof COST_BANDS)[number];

/** «описание опыта», «есть данные до и после», «сравнение с похожими школами», «повторено в других школах». */
export const EVIDENCE_LEVELS = ['experience', 'before_after', 'comparison', 'replicated'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

export const PRACTICE_DECISION_KINDS = ['submit', 'assign', 'accept', 'return', 'reject', 'publish', 'archive', 'revise'] as const;
export type PracticeDecisionKind = (typeof PRACTICE_DECISION_KINDS)[number];

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * A practice of the bank: the working copy of its newest version. The author school's context (settlement, size,
 * social cluster) is copied when the practice is written, so a catalogue filter reads one row. `published_version`
 * names the version the public reads (practice_versions) while a newer one is reviewed.
 */
export const practices = pgTable(
  'practices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => organisations.id),
    municipalityId: uuid('municipality_id').references(() => organisations.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    problem: text('problem').notNull().default(''),
    riskFactors: text('risk_factors').array().notNull().default(sql`'{}'::text[]`),
    settlement: text('settlement', { enum: ['urban', 'rural'] }),
    pupils: integer('pupils'),
    socialCluster: integer('social_cluster'),
    grades: text('grades').notNull().default(''),
    subjects: text('subjects').array().notNull().default(sql`'{}'::text[]`),
    /** Markdown as typed; rendered and sanitised on output, never stored as HTML. */
    body: text('body').notNull().default(''),
    resources: text('resources').notNull().default(''),
    costBand: text('cost_band', { enum: COST_BANDS }).notNull().default('none'),
    claimedResults: text('claimed_results').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    startedOn: date('started_on'),
    evidenceLevel: text('evidence_level', { enum: EVIDENCE_LEVELS }),
    evidenceReason: text('evidence_reason'),
    status: text('status', { enum: PRACTICE_STATUSES }).notNull().default('draft'),
    /** The content version (practice_versions.number) of the working copy; `version` is the optimistic one. */
    revision: integer('revision').notNull().default(1),
    publishedVersion: integer('published_version'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    externalKey: text('external_key').unique(),
    ...editableColumns(),
    titleKey: text('title_key').generatedAlwaysAs(sql`lower(translate(title, 'ёЁ', 'еЕ'))`),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('russian'::regconfig, translate(title, 'ёЁ', 'еЕ')), 'A') || setweight(to_tsvector('russian'::regconfig, translate(summary, 'ёЁ', 'еЕ')), 'B') || setweight(to_tsvector('russian'::regconfig, translate(problem || ' ' || body || ' ' || claimed_results, 'ёЁ', 'еЕ')), 'C')`,
    ),
    /**
     * The title and summary part of `search`, small and kept in the row (migration 0012): relevance is ranked on
     * it, so ranking thousands of matches never reads the whole document's vector; `search` only finds them.
     */
    searchHead: tsvector('search_head').generatedAlwaysAs(
      sql`setweight(to_tsvector('russian'::regconfig, translate(title, 'ёЁ', 'еЕ')), 'A') || setweight(to_tsvector('russian'::regconfig, translate(summary, 'ёЁ', 'еЕ')), 'B')`,
    ),
  },
  (t) => [
    // fastupdate off: a search never scans a pending list of unmerged entries (PGlite has no autovacuum to merge it).
    index('practices_search_idx').using('gin', t.search).with({ fastupdate: false }),
    index('practices_title_trgm_idx').using('gin', sql`${t.titleKey} gin_trgm_ops`).with({ fastupdate: false }),
    index('practices_risk_factors_idx').using('gin', t.riskFactors).with({ fastupdate: false }),
    index('practices_region_status_idx').on(t.regionId, t.status),
    index('practices_school_idx').on(t.schoolId),
  ],
);

export const practiceVersions = pgTable(
  'practice_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    number: integer('number').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('practice_versions_number').on(t.practiceId, t.number)],
);

export const practiceAuthors = pgTable(
  'practice_authors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    consentPublic: boolean('consent_public').notNull().default(false),
  },
  (t) => [index('practice_authors_practice_idx').on(t.practiceId, t.position)],
);

export const practiceAttachments = pgTable(
  'practice_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practice_attachments_practice_idx').on(t.practiceId)],
);

/** The bytes of an attachment, written in the transaction of its row (as road-map evidence files). */
export const practiceAttachmentFiles = pgTable('practice_attachment_files', {
  attachmentId: uuid('attachment_id')
    .primaryKey()
    .references(() => practiceAttachments.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
});

/** Review criteria: region null — the defaults of typical regulations (migration 0008). */
export const practiceCriteria = pgTable('practice_criteria', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id').references(() => organisations.id),
  code: text('code').notNull(),
  title: text('title').notNull(),
  position: integer('position').notNull(),
  maxScore: integer('max_score').notNull().default(3),
  isActive: boolean('is_active').notNull().default(true),
});

export const practiceReviews = pgTable(
  'practice_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    practiceVersion: integer('practice_version').notNull(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => users.id),
    expertName: text('expert_name').notNull(),
    assignedByName: text('assigned_by_name').notNull(),
    comment: text('comment').notNull().default(''),
    evidenceLevel: text('evidence_level', { enum: EVIDENCE_LEVELS }),
    evidenceReason: text('evidence_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    ...editableColumns(),
  },
  (t) => [unique('practice_reviews_once').on(t.practiceId, t.practiceVersion, t.expertId)],
);

export const practiceReviewScores = pgTable(
  'practice_review_scores',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => practiceReviews.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => practiceCriteria.id),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.criterionId] })],
);

export const practiceDecisions = pgTable(
  'practice_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    practiceVersion: integer('practice_version').notNull(),
    kind: text('kind', { enum: PRACTICE_DECISION_KINDS }).notNull(),
    comment: text('comment').notNull().default(''),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practice_decisions_practice_idx').on(t.practiceId, t.createdAt)],
);

export const practiceAdoptions = pgTable(
  'practice_adoptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    startedOn: date('started_on').notNull(),
    note: text('note').notNull().default(''),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('practice_adoptions_once').on(t.practiceId, t.schoolId)],
);

export const practiceLinks = pgTable('practice_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id')
    .notNull()
    .references(() => practices.id),
  roadmapItemId: uuid('roadmap_item_id').references(() => roadmapItems.id),
  indicatorId: uuid('indicator_id').references(() => indicators.id),
});

export type Practice = typeof practices.$inferSelect;
export type PracticeReview = typeof practiceReviews.$inferSelect;
