import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  customType,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations';
import { users } from './users';

export const ROADMAP_LEVELS = ['region', 'municipality', 'school'] as const;
export type RoadmapLevel = (typeof ROADMAP_LEVELS)[number];

/** черновик, на согласовании, на доработке, утверждена, архив */
export const ROADMAP_STATUSES = ['draft', 'on_review', 'needs_revision', 'approved', 'archived'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

/** запланировано, в работе, выполнено, отменено — «просрочено» is derived, never stored. */
export const ITEM_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * A road map of a region, a municipality or a school. The scope columns copy the owner's scope for permission
 * filters; `deleted_at` is the soft delete.
 */
export const roadmaps = pgTable(
  'roadmaps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    level: text('level', { enum: ROADMAP_LEVELS }).notNull(),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    regionId: uuid('region_id').references(() => organisations.id),
    municipalityId: uuid('municipality_id').references(() => organisations.id),
    schoolId: uuid('school_id').references(() => organisations.id),
    title: text('title').notNull(),
    periodStartYear: integer('period_start_year').notNull(),
    periodEndYear: integer('period_end_year').notNull(),
    /** «Приказ № 17 от 21.01.2019» */
    approvalDocument: text('approval_document'),
    status: text('status', { enum: ROADMAP_STATUSES }).notNull().default('draft'),
    /** Demo and import key, e.g. «seed-001-plan». */
    externalKey: text('external_key').unique(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('roadmaps_owner_idx').on(t.ownerOrganisationId),
    index('roadmaps_municipality_idx').on(t.municipalityId),
    check('roadmaps_period', sql`${t.periodStartYear} <= ${t.periodEndYear} AND ${t.periodStartYear} BETWEEN 2000 AND 2100 AND ${t.periodEndYear} <= 2100`),
  ],
);

/** Этап / раздел of a road map, in order. */
export const roadmapSections = pgTable(
  'roadmap_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roadmapId: uuid('roadmap_id')
      .notNull()
      .references(() => roadmaps.id),
    position: integer('position').notNull(),
    number: text('number'),
    /** Null for the implicit section of items that precede any section row. */
    title: text('title'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('roadmap_sections_roadmap_idx').on(t.roadmapId, t.position)],
);

/** One activity (мероприятие). Deadline text is kept as written next to its normalised period. */
export const roadmapItems = pgTable(
  'roadmap_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roadmapId: uuid('roadmap_id')
      .notNull()
      .references(() => roadmaps.id),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => roadmapSections.id),
    position: integer('position').notNull(),
    /** «1.1», «2.3», or «1.» where 7 is meant — kept as written. */
    number: text('number'),
    activity: text('activity').notNull(),
    deadlineText: text('deadline_text').notNull().default(''),
    deadlineKind: text('deadline_kind').notNull().default('none'),
    periodStart: date('period_start'),
    periodEnd: date('period_end'),
    recurringYearly: boolean('recurring_yearly').notNull().default(false),
    canBeOverdue: boolean('can_be_overdue').notNull().default(false),
    /** True when a person set the period by hand; re-normalising the text then leaves it alone. */
    periodOverridden: boolean('period_overridden').notNull().default(false),
    responsibleText: text('responsible_text').notNull().default(''),
    plannedResult: text('planned_result').notNull().default(''),
    expectedDocument: text('expected_document'),
    status: text('status', { enum: ITEM_STATUSES }).notNull().default('planned'),
    /** Identity of an imported row (hash of section, number and activity): re-importing finds it again. */
    importKey: text('import_key'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('roadmap_items_roadmap_idx').on(t.roadmapId, t.position),
    uniqueIndex('roadmap_items_import_key_idx').on(t.roadmapId, t.importKey),
    check('roadmap_items_period', sql`${t.periodStart} IS NULL OR ${t.periodEnd} IS NULL OR ${t.periodStart} <= ${t.periodEnd}`),
  ],
);

/** Responsible parties of an item: the name as written, and the organisation or user when recognised. */
export const roadmapItemResponsibles = pgTable(
  'roadmap_item_responsibles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => roadmapItems.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    userId: uuid('user_id').references(() => users.id),
  },
  (t) => [index('roadmap_item_responsibles_item_idx').on(t.itemId)],
);

/** A progress report on an item: what was done, when, with evidence. */
export const roadmapProgressReports = pgTable(
  'roadmap_progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roadmapId: uuid('roadmap_id')
      .notNull()
      .references(() => roadmaps.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => roadmapItems.id),
    reportedOn: date('reported_on').notNull(),
    text: text('text').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('roadmap_progress_item_idx').on(t.itemId)],
);

export const EVIDENCE_KINDS = ['link', 'file'] as const;

/** Evidence of a report: a link, or an uploaded file (bytes in `roadmap_evidence_files`; `stored_name` is the disk name of files uploaded before migration 0004). */
export const roadmapEvidence = pgTable(
  'roadmap_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => roadmapProgressReports.id),
    kind: text('kind', { enum: EVIDENCE_KINDS }).notNull(),
    url: text('url'),
    fileName: text('file_name'),
    storedName: text('stored_name').unique(),
    mimeType: text('mime_type'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('roadmap_evidence_report_idx').on(t.reportId),
    check('roadmap_evidence_shape', sql`(${t.kind} = 'link' AND ${t.url} IS NOT NULL) OR (${t.kind} = 'file' AND ${t.fileName} IS NOT NULL)`),
  ],
);

const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * The bytes of an evidence file, written in the same transaction as its `roadmap_evidence` row: the foreign key
 * forbids bytes without a row, and a deferred constraint trigger (migration 0004) a file row without bytes.
 * Stored uncompressed out of line, so a download reads it in slices.
 */
export const roadmapEvidenceFiles = pgTable('roadmap_evidence_files', {
  evidenceId: uuid('evidence_id')
    .primaryKey()
    .references(() => roadmapEvidence.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
});

/** `reopen`: an approved map's plan was changed, which returned it to draft (lib/roadmaps/review-guard.ts). */
export const REVIEW_EVENT_KINDS = ['submit', 'comment', 'approve', 'return', 'reopen'] as const;

/** The review conversation of a school road map: submissions, per-item comments, approval or return. */
export const roadmapReviewEvents = pgTable(
  'roadmap_review_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roadmapId: uuid('roadmap_id')
      .notNull()
      .references(() => roadmaps.id),
    itemId: uuid('item_id').references(() => roadmapItems.id),
    kind: text('kind', { enum: REVIEW_EVENT_KINDS }).notNull(),
    text: text('text').notNull().default(''),
    authorId: uuid('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('roadmap_review_roadmap_idx').on(t.roadmapId, t.createdAt)],
);

export type Roadmap = typeof roadmaps.$inferSelect;
export type RoadmapSection = typeof roadmapSections.$inferSelect;
export type RoadmapItem = typeof roadmapItems.$inferSelect;
