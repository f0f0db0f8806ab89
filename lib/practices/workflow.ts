/**
 * The «Положение о банке лучших практик» as a pure state machine: which step each participant may take in each
 * state. No database, no framework: the domain (write-core.ts) asks `allowed` before every write and the pages
 * show only the buttons it allows.
 *
 * draft → submitted → under_review → accepted | returned | rejected; accepted → published → archived;
 * returned → (edit) → submitted again; editing a published practice starts a new version (draft) while the
 * published version stays visible.
 */
import type { PracticeStatus } from '@/db/schema/practices';

export const PRACTICE_ACTIONS = ['edit', 'submit', 'assign', 'score', 'accept', 'return', 'reject', 'publish', 'archive', 'adopt'] as const;
export type PracticeAction = (typeof PRACTICE_ACTIONS)[number];

/** Who the viewer is to this practice. */
export interface Participant {
  /** A team of the author school (may write and submit). */
  author: boolean;
  /** A methodologist (or administrator) of the region: assigns experts, decides, publishes, archives. */
  coordinator: boolean;
  /** An expert assigned to the current version whose review is not yet submitted. */
  assignedExpert: boolean;
  /** The viewer works at the practice's school: never its expert. */
  sameSchool: boolean;
  /** A team of another school (may mark «внедряем» on a published practice). */
  otherSchool: boolean;
}

export const NOBODY: Participant = { author: false, coordinator: false, assignedExpert: false, sameSchool: false, otherSchool: false };

export interface PracticeState {
  status: PracticeStatus;
  /** A published version exists (the practice may be in re-review). */
  hasPublishedVersion: boolean;
}

/** The status a step leads to (null: the step does not change the status). */
export const NEXT_STATUS: Record<PracticeAction, PracticeStatus | null> = {
  edit: null,
  submit: 'submitted',
  assign: 'under_review',
  score: null,
  accept: 'accepted',
  return: 'returned',
  reject: 'rejected',
  publish: 'published',
  archive: 'archived',
  adopt: null,
};

/** True when `who` may take `action` on a practice in `state`. */
export function allowed(action: PracticeAction, state: PracticeState, who: Participant): boolean {
  const { status } = state;
  switch (action) {
    case 'edit':
      return who.author && (status === 'draft' || status === 'returned' || status === 'published');
    case 'submit':
      return who.author && (status === 'draft' || status === 'returned');
    case 'assign':
      return who.coordinator && (status === 'submitted' || status === 'under_review');
    case 'score':
      return who.assignedExpert && !who.sameSchool && status === 'under_review';
    case 'accept':
    case 'return':
    case 'reject':
      return who.coordinator && status === 'under_review';
    case 'publish':
      return who.coordinator && status === 'accepted';
    case 'archive':
      return who.coordinator && status === 'published';
    case 'adopt':
      return who.otherSchool && (status === 'published' || state.hasPublishedVersion) && status !== 'archived';
  }
}

/** Every step `who` may take now, in the order of PRACTICE_ACTIONS. */
export function allowedActions(state: PracticeState, who: Participant): PracticeAction[] {
  return PRACTICE_ACTIONS.filter((action) => allowed(action, state, who));
}

/** The status after an edit: a published practice goes back to draft as a new version (the published one stays). */
export function statusAfterEdit(status: PracticeStatus): PracticeStatus {
  return status === 'published' ? 'draft' : status;
}

/** Readers see published practices (and the published version of one under re-review); participants see all. */
export function visibleTo(state: PracticeState, who: Participant, readsDrafts: boolean): boolean {
  if (state.status === 'published' || state.hasPublishedVersion) return true;
  return who.author || who.coordinator || who.assignedExpert || readsDrafts;
}
