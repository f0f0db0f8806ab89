import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from './columns';
import { organisations } from './organisations';
import { roadmapItems, roadmaps } from './roadmaps';
import { users } from './users';

/**
 * A management decision (seed 002 item 26): what a region or a municipality decided on a monitoring finding,
 * by which document, who answers for it and by when; the organisations it concerns and the road-map items it
 * creates are in the two link tables. Scope columns copy the deciding organisation's for permission filters.
 */
export const managementDecisions = pgTable(
  'management_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    regionId: uuid('region_id').references(() => organisations.id),
    municipalityId: uuid('municipality_id').references(() => organisations.id),
    decidedOn: date('decided_on').notNull(),
    title: text('title').notNull(),
    document: text('document').notNull().default(''),
    responsible: text('responsible').notNull().default(''),
    dueDate: date('due_date'),
    /** The monitoring finding the decision answers, in words. */
    finding: text('finding').notNull().default(''),
    findingSchoolId: uuid('finding_school_id').references(() => organisations.id),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...editableColumns(),
  },
  (t) => [
    index('management_decisions_scope_idx').on(t.regionId, t.municipalityId, t.decidedOn),
    check('management_decisions_due', sql`${t.dueDate} IS NULL OR ${t.dueDate} >= ${t.decidedOn}`),
  ],
);

export const managementDecisionOrganisations = pgTable(
  'management_decision_organisations',
  {
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => managementDecisions.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ name: 'management_decision_organisations_pk', columns: [t.decisionId, t.organisationId] })],
);

export const managementDecisionItems = pgTable(
  'management_decision_items',
  {
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => managementDecisions.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => roadmapItems.id),
  },
  (t) => [primaryKey({ name: 'management_decision_items_pk', columns: [t.decisionId, t.itemId] }), index('management_decision_items_item_idx').on(t.itemId)],
);

export const REPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportJobStatus = (typeof REPORT_JOB_STATUSES)[number];

/**
 * A generated report: kind, parameters, who asked and when, and — once the job is done — the file's name, type,
 * size and SHA-256 digest (the bytes are in `generated_report_files`). Generation is a job: queued, picked up by
 * whichever instance is free, progress written as it goes, done or failed.
 */
export const generatedReports = pgTable(
  'generated_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    format: text('format').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    roadmapId: uuid('roadmap_id').references(() => roadmaps.id),
    regionId: uuid('region_id').references(() => organisations.id),
    municipalityId: uuid('municipality_id').references(() => organisations.id),
    schoolId: uuid('school_id').references(() => organisations.id),
    year: integer('year'),
    /** The date road-map deadlines are judged at (the end of the year, or the day the report was asked for). */
    onDate: date('on_date').notNull(),
    parameters: jsonb('parameters').notNull(),
    title: text('title').notNull().default(''),
    status: text('status', { enum: REPORT_JOB_STATUSES }).notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    stage: text('stage').notNull().default(''),
    error: text('error'),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    sizeBytes: integer('size_bytes'),
    digest: text('digest'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedByName: text('requested_by_name').notNull(),
    requestedByRole: text('requested_by_role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('generated_reports_queue_idx').on(t.status, t.createdAt),
    index('generated_reports_scope_idx').on(t.regionId, t.municipalityId, t.createdAt),
    check('generated_reports_status', sql`${t.status} IN ('queued', 'running', 'done', 'failed')`),
    check('generated_reports_progress', sql`${t.progress} BETWEEN 0 AND 100`),
    check('generated_reports_done', sql`${t.status} <> 'done' OR (${t.digest} IS NOT NULL AND ${t.fileName} IS NOT NULL)`),
  ],
);

const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

export const generatedReportFiles = pgTable('generated_report_files', {
  reportId: uuid('report_id')
    .primaryKey()
    .references(() => generatedReports.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
});

export type ManagementDecision = typeof managementDecisions.$inferSelect;
export type GeneratedReport = typeof generatedReports.$inferSelect;
