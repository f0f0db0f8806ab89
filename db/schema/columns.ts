import { integer, timestamp } from 'drizzle-orm/pg-core';

/** Optimistic-concurrency version and the two timestamps that every editable table carries. */
export function editableColumns() {
  return {
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  };
}
