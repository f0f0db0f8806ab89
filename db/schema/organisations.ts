import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  uniqueIndex,
  real,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { editableColumns } from './columns';

/**
 * Every organisation lives in one table so that users, road maps and responsible parties can point to any of
 * them with one foreign key. `region_id` / `municipality_id` are the scope columns every permission check and
 * listing filters on; for a region or a municipality they point to the row itself.
 */
export const ORGANISATION_KINDS = [
  'region',
  'municipality',
  'school',
  'ministry',
  'education_department',
  'methodical_center',
  'institute',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const SETTLEMENTS = ['urban', 'rural'] as const;
export type Settlement = (typeof SETTLEMENTS)[number];

export const SCHOOL_KINDS = ['school', 'college', 'other'] as const;
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
    regionId: uuid('region_id').references((): AnyPgColumn => organisations.id),
    municipalityId: uuid('municipality_id').references((): AnyPgColumn => organisations.id),
    /** Stable key for demo data and imports that have no ОГРН (regions, municipalities by name). */
    externalKey: text('external_key').unique(),
    ogrn: text('ogrn').unique(),
    inn: text('inn'),
    address: text('address'),
    settlement: text('settlement', { enum: SETTLEMENTS }),
    distanceKm: real('distance_km'),
    pupils: integer('pupils'),
    schoolKind: text('school_kind', { enum: SCHOOL_KINDS }),
    /** Other spellings met in road maps' «Ответственные» column, e.g. «УМЦ», «МОУО». */
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    isActive: boolean('is_active').notNull().default(true),
    /** The name as compared: spacing collapsed, lower case, «ё» as «е» (like nameKey in lib/schools/import/values.ts). */
    nameKey: text('name_key').generatedAlwaysAs(sql`replace(lower(btrim(regexp_replace(name, '\s+', ' ', 'g')) COLLATE opora_ru), 'ё', 'е')`),
    ...editableColumns(),
  },
  (t) => [
    // One municipality of a name per region, one region of a name: parallel imports cannot create duplicates.
    uniqueIndex('organisations_municipality_name_key').on(t.regionId, t.kind, t.nameKey).where(sql`kind = 'municipality'`),
    uniqueIndex('organisations_region_name_key').on(t.kind, t.nameKey).where(sql`kind = 'region'`),
    index('organisations_region_idx').on(t.regionId),
    index('organisations_municipality_idx').on(t.municipalityId),
    index('organisations_kind_idx').on(t.kind),
    check('organisations_school_has_ogrn', sql`${t.kind} <> 'school' OR (${t.ogrn} IS NOT NULL AND ${t.municipalityId} IS NOT NULL)`),
    check('organisations_pupils_nonnegative', sql`${t.pupils} IS NULL OR ${t.pupils} >= 0`),
    check('organisations_distance_nonnegative', sql`${t.distanceKm} IS NULL OR ${t.distanceKm} >= 0`),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
