import { describe, expect, it } from 'vitest';
import { PRACTICE_STATUSES } from '@/db/schema/practices';
import { allowed, allowedActions, NOBODY, statusAfterEdit, visibleTo, type Participant } from './workflow';

const author: Participant = { ...NOBODY, author: true, sameSchool: true };
const coordinator: Participant = { ...NOBODY, coordinator: true };
const expert: Participant = { ...NOBODY, assignedExpert: true };
const otherSchool: Participant = { ...NOBODY, otherSchool: true };
const state = (status: (typeof PRACTICE_STATUSES)[number], hasPublishedVersion = false) => ({ status, hasPublishedVersion });

describe('practice workflow', () => {
  it('lets the author edit and submit a draft or a returned practice only', () => {
    for (const status of PRACTICE_STATUSES) {
      expect(allowed('submit', state(status), author)).toBe(status === 'draft' || status === 'returned');
      expect(allowed('edit', state(status), author)).toBe(status === 'draft' || status === 'returned' || status === 'published');
      expect(allowed('submit', state(status), coordinator)).toBe(false);
    }
  });

  it('lets the methodologist assign, decide, publish and archive in the right states', () => {
    expect(allowedActions(state('submitted'), coordinator)).toEqual(['assign']);
    expect(allowedActions(state('under_review'), coordinator)).toEqual(['assign', 'accept', 'return', 'reject']);
    expect(allowedActions(state('accepted'), coordinator)).toEqual(['publish']);
    expect(allowedActions(state('published'), coordinator)).toEqual(['archive']);
    expect(allowedActions(state('rejected'), coordinator)).toEqual([]);
    expect(allowedActions(state('draft'), coordinator)).toEqual([]);
  });

  it('lets an assigned expert score only under review, never for its own school', () => {
    expect(allowed('score', state('under_review'), expert)).toBe(true);
    expect(allowed('score', state('submitted'), expert)).toBe(false);
    expect(allowed('score', state('under_review'), { ...expert, sameSchool: true })).toBe(false);
    expect(allowed('score', state('under_review'), coordinator)).toBe(false);
    expect(allowed('accept', state('under_review'), expert)).toBe(false);
  });

  it('lets another school adopt a published practice, also while a new version is reviewed', () => {
    expect(allowed('adopt', state('published'), otherSchool)).toBe(true);
    expect(allowed('adopt', state('under_review', true), otherSchool)).toBe(true);
    expect(allowed('adopt', state('under_review'), otherSchool)).toBe(false);
    expect(allowed('adopt', state('archived'), otherSchool)).toBe(false);
    expect(allowed('adopt', state('published'), author)).toBe(false);
  });

  it('sends an edited published practice back to draft and keeps drafts from readers', () => {
    expect(statusAfterEdit('published')).toBe('draft');
    expect(statusAfterEdit('returned')).toBe('returned');
    expect(visibleTo(state('draft'), NOBODY, false)).toBe(false);
    expect(visibleTo(state('draft', true), NOBODY, false)).toBe(true);
    expect(visibleTo(state('submitted'), expert, false)).toBe(true);
  });
});
