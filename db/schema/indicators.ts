import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { editableColumns } from './columns';
import { organisations } from './organisations';
import { roadmapItems, roadmaps } from './roadmaps';
import { users } from './users';

/** процент, число, количество, да/нет, балл */
export const INDICATOR_UNITS = ['percent', 'number', 'count', 'boolean', 'score'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
/** Больше — лучше / меньше — лучше. */
export const INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
/** The level an indicator is measured at. */
export const INDICATOR_LEVELS = ['school', 'municipality', 'region'] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];
/** Entered by people, or computed from what the portal already holds. */
export const INDICATOR_KINDS = ['entered', 'computed'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const INDICATOR_STATUSES = ['draft', 'active', 'archived'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];
/** A value per year, or per quarter of a year. */
export const INDICATOR_PERIODICITIES = ['year', 'quarter'] as const;
/**
 * How a quarterly indicator's year figure comes from its quarters: the latest quarter entered (a state, such as a
 * share at a date), their sum (events counted per quarter) or their mean. Yearly indicators ignore it.
 */
export const QUARTER_RULES = ['last', 'sum', 'mean'] as const;
export type QuarterRule = (typeof QUARTER_RULES)[number];
/** Baseline (исходное значение) or target (целевое) of a year. */
export const INDICATOR_TARGET_KINDS = ['baseline', 'target'] as const;
/** открыт, представлен, утверждён, возвращён на доработку */
export const APPROVAL_STATES = ['open', 'submitted', 'approved', 'returned'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/**
 * An indicator of the programme (seed 001 «Планируемые результаты»). Scope columns are the owner's region,
 * for permission filters. `expression` holds a computed indicator's formula (lib/indicators/expression.ts),
 * validated when saved; entered indicators have none.
 */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => organisations.id),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Method of calculation, in words. */
    method: text('method').notNull().default(''),
    unit: text('unit', { enum: INDICATOR_UNITS }).notNull(),
    direction: text('direction', { enum: INDICATOR_DIRECTIONS }).notNull().default('higher'),
    /** As the seeds write it: «РИС ГИА», «БД ОВЗ НСО», «ОО-1», «УМЦ, ОО». */
    source: text('source').notNull().default(''),
    level: text('level', { enum: INDICATOR_LEVELS }).notNull(),
    kind: text('kind', { enum: INDICATOR_KINDS }).notNull(),
    periodicity: text('periodicity', { enum: INDICATOR_PERIODICITIES }).notNull().default('year'),
    /** Quarterly indicators: how the year's figure (quarter 0, stored, never typed) comes from the quarters. */
    quarterRule: text('quarter_rule', { enum: QUARTER_RULES }).notNull().default('last'),
    expression: jsonb('expression'),
    roadmapId: uuid('roadmap_id').references(() => roadmaps.id),
    status: text('status', { enum: INDICATOR_STATUSES }).notNull().default('draft'),
    /** Outlier rule: a jump from last year larger than this (in the indicator's unit), or a value outside min–max. */
    outlierJump: real('outlier_jump'),
    minValue: real('min_value'),
    maxValue: real('max_value'),
    /** «Близко к цели»: at least this share (0–1) of the way from baseline to target. */
    closeShare: real('close_share').notNull().default(0.8),
    /** Demo and import key, e.g. «seed-001-ind-11». */
    externalKey: text('external_key').unique(),
    ...editableColumns(),
  },
  (t) => [
    unique('indicators_region_code').on(t.regionId, t.code),
    check('indicators_close_share', sql`${t.closeShare} > 0 AND ${t.closeShare} < 1`),
    check('indicators_computed_expression', sql`(${t.kind} = 'computed') = (${t.expression} IS NOT NULL)`),
  ],
);

/** Baselines and targets per year, for the whole programme (organisation null) or one organisation. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    kind: text('kind', { enum: INDICATOR_TARGET_KINDS }).notNull(),
    year: integer('year').notNull(),
    value: real('value').notNull(),
    ...editableColumns(),
  },
  (t) => [
    unique('indicator_targets_key').on(t.indicatorId, t.organisationId, t.kind, t.year).nullsNotDistinct(),
    check('indicator_targets_year', sql`${t.year} BETWEEN 2000 AND 2100`),
  ],
);

/** Road-map items meant to move an indicator (chosen on either side). */
export const indicatorRoadmapItems = pgTable(
  'indicator_roadmap_items',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => roadmapItems.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.itemId] }), index('indicator_roadmap_items_item_idx').on(t.itemId)],
);

const orgScope = {
  regionId: uuid('region_id').references(() => organisations.id),
  municipalityId: uuid('municipality_id').references(() => organisations.id),
  schoolId: uuid('school_id').references(() => organisations.id),
};

/**
 * An entered value of an indicator for an organisation and a period (quarter 0 = the whole year). Numerator and
 * denominator are kept for shares. The scope columns copy the organisation's for permission filters.
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    ...orgScope,
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull().default(0),
    value: real('value').notNull(),
    numerator: real('numerator'),
    denominator: real('denominator'),
    comment: text('comment').notNull().default(''),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredByName: text('entered_by_name').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    ...editableColumns(),
  },
  (t) => [
    unique('indicator_values_key').on(t.indicatorId, t.organisationId, t.year, t.quarter),
    index('indicator_values_year_idx').on(t.year, t.indicatorId),
    index('indicator_values_municipality_idx').on(t.municipalityId, t.year),
    check('indicator_values_quarter', sql`${t.quarter} BETWEEN 0 AND 4`),
    check('indicator_values_year', sql`${t.year} BETWEEN 2000 AND 2100`),
    check('indicator_values_share', sql`${t.numerator} IS NULL OR ${t.denominator} IS NULL OR (${t.numerator} >= 0 AND ${t.numerator} <= ${t.denominator})`),
  ],
);

const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * The optional evidence file of an entered value (one per value), checked like road-map report evidence and kept
 * in the database as those are: bytes uncompressed out of line (migration 0012), read in slices for a download.
 * Written in the transaction of the value; an approved (locked) period's file cannot be replaced or removed.
 */
export const indicatorValueFiles = pgTable('indicator_value_files', {
  valueId: uuid('value_id')
    .primaryKey()
    .references(() => indicatorValues.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  bytes: bytea('bytes').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
  uploadedByName: text('uploaded_by_name').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Approval of one organisation's values for a period: it submits, the level above approves (values locked) or
 * returns with a comment; an unlock needs a reason. `lockedAt` set = no edits.
 */
export const indicatorApprovals = pgTable(
  'indicator_approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    ...orgScope,
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull().default(0),
    state: text('state', { enum: APPROVAL_STATES }).notNull().default('open'),
    comment: text('comment').notNull().default(''),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    unlockReason: text('unlock_reason'),
    ...editableColumns(),
  },
  (t) => [
    unique('indicator_approvals_key').on(t.organisationId, t.year, t.quarter),
    check('indicator_approvals_lock', sql`${t.lockedAt} IS NULL OR ${t.state} = 'approved'`),
  ],
);

/**
 * A computed value frozen with an approved period: the figure, the digest of its inputs and the trace (which
 * schools were in the numerator and denominator, and why), so a report printed in January reads the same in June.
 */
export const indicatorSnapshots = pgTable(
  'indicator_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull().default(0),
    value: real('value'),
    numerator: real('numerator'),
    denominator: real('denominator'),
    inputDigest: text('input_digest').notNull(),
    trace: jsonb('trace').notNull(),
    approvalId: uuid('approval_id').references(() => indicatorApprovals.id),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    ...editableColumns(),
  },
  (t) => [unique('indicator_snapshots_key').on(t.indicatorId, t.organisationId, t.year, t.quarter)],
);

export type Indicator = typeof indicators.$inferSelect;
export type IndicatorTarget = typeof indicatorTargets.$inferSelect;
export type IndicatorValue = typeof indicatorValues.$inferSelect;
export type IndicatorApproval = typeof indicatorApprovals.$inferSelect;
export type IndicatorSnapshot = typeof indicatorSnapshots.$inferSelect;
export type IndicatorValueFile = typeof indicatorValueFiles.$inferSelect;
