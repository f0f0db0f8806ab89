import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from './columns';
import { organisations } from './organisations';

export const ROLES = [
  'admin',
  'ministry_analyst',
  'municipal_coordinator',
  'methodologist',
  'expert',
  'school_team',
] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-case; the login form lower-cases too. */
    login: text('login').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    isActive: boolean('is_active').notNull().default(true),
    /** Bumped on deactivation or password change; a JWT carrying an older value is refused. */
    sessionVersion: integer('session_version').notNull().default(1),
    ...editableColumns(),
  },
  (t) => [
    index('users_organisation_idx').on(t.organisationId),
    check('users_login_lowercase', sql`${t.login} = lower(${t.login})`),
  ],
);

export type User = typeof users.$inferSelect;

/** Failed sign-in counters, one row per account (`login:…`) and per client address (`ip:…`). */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
