import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from './columns';
import { indicators } from './indicators';
import { organisations } from './organisations';
import { users } from './users';

/** черновик, идёт сбор, закрыта */
export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** Who is asked: the region asks municipalities, a municipality asks its schools. */
export const CAMPAIGN_ASKED_KINDS = ['municipality', 'school'] as const;
export type CampaignAskedKind = (typeof CAMPAIGN_ASKED_KINDS)[number];
/** How a reminder went out. Start-page reminders are shown, not sent, and are not logged. */
export const REMINDER_CHANNELS = ['email'] as const;
/** pending — claimed by one portal instance and being sent; sent; failed (does not count against the interval). */
export const REMINDER_STATES = ['pending', 'sent', 'failed'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

/**
 * A data collection campaign: the asking organisation (a region or a municipality) asks the organisations below it
 * to report chosen indicators for a period (a year, or a quarter of it) by a due date. Scope columns are the asking
 * organisation's, for permission filters.
 */
export const indicatorCampaigns = pgTable(
  'indicator_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => organisations.id),
    municipalityId: uuid('municipality_id').references(() => organisations.id),
    askingOrganisationId: uuid('asking_organisation_id')
      .notNull()
      .references(() => organisations.id),
    askedKind: text('asked_kind', { enum: CAMPAIGN_ASKED_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    year: integer('year').notNull(),
    /** 0 — the whole year. */
    quarter: integer('quarter').notNull().default(0),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    externalKey: text('external_key').unique(),
    ...editableColumns(),
  },
  (t) => [
    index('indicator_campaigns_region_idx').on(t.regionId, t.status),
    index('indicator_campaigns_municipality_idx').on(t.municipalityId),
    check('indicator_campaigns_year', sql`${t.year} BETWEEN 2000 AND 2100`),
    check('indicator_campaigns_quarter', sql`${t.quarter} BETWEEN 0 AND 4`),
  ],
);

/** The indicators a campaign asks for. */
export const indicatorCampaignIndicators = pgTable(
  'indicator_campaign_indicators',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => indicatorCampaigns.id),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.indicatorId] })],
);

/** The organisations a campaign asks. */
export const indicatorCampaignOrganisations = pgTable(
  'indicator_campaign_organisations',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => indicatorCampaigns.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.organisationId] }), index('indicator_campaign_organisations_org_idx').on(t.organisationId)],
);

/**
 * Reminders sent, one row per recipient. Kept in the database because several portal instances run behind a
 * balancer: the «remind» action claims rows under the campaign's row lock before sending, so two instances never
 * send the same reminder twice within the interval.
 */
export const indicatorCampaignReminders = pgTable(
  'indicator_campaign_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => indicatorCampaigns.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    channel: text('channel', { enum: REMINDER_CHANNELS }).notNull(),
    userId: uuid('user_id').references(() => users.id),
    recipient: text('recipient').notNull(),
    state: text('state', { enum: REMINDER_STATES }).notNull().default('pending'),
    error: text('error'),
    sentBy: uuid('sent_by').references(() => users.id),
    sentByName: text('sent_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('indicator_campaign_reminders_key').on(t.campaignId, t.organisationId, t.channel, t.createdAt)],
);

export type IndicatorCampaign = typeof indicatorCampaigns.$inferSelect;
export type IndicatorCampaignReminder = typeof indicatorCampaignReminders.$inferSelect;
