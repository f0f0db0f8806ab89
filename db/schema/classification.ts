import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { editableColumns } from './columns';
import { organisations } from './organisations';
import { users } from './users';

export const EXAMS = ['EGE', 'OGE', 'VPR'] as const;

const scope = {
  regionId: uuid('region_id').references(() => organisations.id),
  municipalityId: uuid('municipality_id').references(() => organisations.id),
};

/**
 * Assessment results per school, year, exam and subject (and grade for ВПР; 0 for ЕГЭ/ОГЭ so that the natural
 * key is one unique index). Subjects are codes of lib/classification/subjects.ts.
 */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    ...scope,
    year: integer('year').notNull(),
    exam: text('exam', { enum: EXAMS }).notNull(),
    subject: text('subject').notNull(),
    grade: integer('grade').notNull().default(0),
    participants: integer('participants').notNull(),
    meanScore: real('mean_score'),
    maxScore: real('max_score'),
    belowMinimum: integer('below_minimum'),
    marks2: integer('marks_2'),
    marks3: integer('marks_3'),
    marks4: integer('marks_4'),
    marks5: integer('marks_5'),
    highScorers: integer('high_scorers'),
    source: text('source'),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('assessment_results_key').on(t.schoolId, t.year, t.exam, t.subject, t.grade),
    index('assessment_results_municipality_year_idx').on(t.municipalityId, t.year),
  ],
);

/** Social context of a school in a year. Shares are percentages 0–100. */
export const schoolContexts = pgTable(
  'school_contexts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    ...scope,
    year: integer('year').notNull(),
    pupils: integer('pupils'),
    continuationShare9to10: real('continuation_share_9_to_10'),
    olympiadParticipants: integer('olympiad_participants'),
    shareOvz: real('share_ovz'),
    shareLowIncome: real('share_low_income'),
    shareParentsHigherEd: real('share_parents_higher_ed'),
    shareNonNativeRussian: real('share_non_native_russian'),
    distanceKm: real('distance_km'),
    rural: boolean('rural'),
    teacherVacancyShare: real('teacher_vacancy_share'),
    shareTeachersUnder35: real('share_teachers_under_35'),
    shareTeachers60plus: real('share_teachers_60_plus'),
    internetMbps: real('internet_mbps'),
    hasPsychologist: boolean('has_psychologist'),
    hasSpeechTherapist: boolean('has_speech_therapist'),
    hasSocialPedagogue: boolean('has_social_pedagogue'),
    facilitiesCondition: integer('facilities_condition'),
    source: text('source'),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('school_contexts_key').on(t.schoolId, t.year),
    index('school_contexts_municipality_year_idx').on(t.municipalityId, t.year),
  ],
);

export const METHODOLOGY_STATUSES = ['draft', 'active', 'archived'] as const;

/** A named, versioned parameter set of the rule module; one active per region. */
export const methodologies = pgTable(
  'methodologies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    versionNumber: integer('version_number').notNull(),
    status: text('status', { enum: METHODOLOGY_STATUSES }).notNull().default('draft'),
    /** The parameters, validated by lib/classification/methodology.ts. */
    params: jsonb('params').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    ...editableColumns(),
  },
  (t) => [uniqueIndex('methodologies_region_version').on(t.regionId, t.versionNumber)],
);

export const RUN_STATUSES = ['draft', 'published'] as const;

/** One classification run: year, methodology version and a digest of its inputs, so it can be reproduced. */
export const classificationRuns = pgTable(
  'classification_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...scope,
    year: integer('year').notNull(),
    methodologyId: uuid('methodology_id')
      .notNull()
      .references(() => methodologies.id),
    inputDigest: text('input_digest').notNull(),
    status: text('status', { enum: RUN_STATUSES }).notNull().default('draft'),
    /** Counts per category and the social cut-offs. */
    summary: jsonb('summary').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('classification_runs_scope_idx').on(t.regionId, t.municipalityId, t.year)],
);

/**
 * Every school of a run with its decisions; `explanation` holds the engine's per-school result — in a compact
 * run its overview — as packed JSON text (lib/classification/packing.ts). Text, not jsonb: nothing queries
 * inside it, and when national runs stored full results PostgreSQL parsed their 125 MB into jsonb in about
 * 17 s (json 5.5 s, text 0.2 s; one measurement in psql).
 */
export const classificationResults = pgTable(
  'classification_results',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => classificationRuns.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    municipalityId: uuid('municipality_id'),
    category: text('category').notNull(),
    lowResults: text('low_results').notNull(),
    stableLowResults: text('stable_low_results').notNull(),
    unfavourable: text('unfavourable').notNull(),
    cluster: integer('cluster'),
    socialIndex: real('social_index'),
    explanation: text('explanation').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.schoolId] }), index('classification_results_category_idx').on(t.runId, t.category)],
);
