import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { compareRussian } from '@/lib/format/ru';
import type { RoadmapListRow } from '@/lib/roadmaps/views';
import { awaitsReport, overdueBySchool, START_PATH, startLinks, startPathFor, startViewOf, summariseRoadmaps } from './start-page';

const scope = (level: Actor['scope']['level']): Actor['scope'] =>
  ({ level, organisationId: 'o', organisationName: 'Орг', regionId: 'r', municipalityId: null, schoolId: null }) as Actor['scope'];

function row(over: Partial<RoadmapListRow>): RoadmapListRow {
  return {
    id: 'r1',
    title: 'Карта',
    level: 'school',
    status: 'approved',
    ownerOrganisationId: 'o1',
    ownerName: 'Школа',
    periodStartYear: 2025,
    periodEndYear: 2026,
    approvalDocument: null,
    itemCount: 10,
    doneShare: 0,
    overdueCount: 0,
    version: 1,
    ...over,
  };
}

describe('start page per role', () => {
  it('gives each role its own view, and everybody lands on «Мои задачи»', () => {
    expect(startViewOf({ role: 'school_team', scope: scope('school') })).toBe('school');
    expect(startViewOf({ role: 'methodologist', scope: scope('municipality') })).toBe('review');
    expect(startViewOf({ role: 'municipal_coordinator', scope: scope('municipality') })).toBe('municipal');
    expect(startViewOf({ role: 'ministry_analyst', scope: scope('region') })).toBe('region');
    expect(startViewOf({ role: 'admin', scope: scope('region') })).toBe('region');
    expect(startViewOf({ role: 'expert', scope: scope('municipality') })).toBe('municipal');
    expect(startPathFor({ role: 'school_team', scope: scope('school') })).toBe(START_PATH);
    expect(START_PATH).not.toBe('/schools');
  });

  it('links every count to the list filtered the same way', () => {
    expect(startLinks.roadmaps({ status: 'on_review' })).toBe('/roadmaps?status=on_review');
    expect(startLinks.roadmaps({ overdue: true, level: 'school' })).toBe('/roadmaps?level=school&overdue=1');
    expect(startLinks.items('m', 'overdue')).toBe('/roadmaps/m?overdue=1');
    expect(startLinks.items('m', 'awaiting_report')).toBe('/roadmaps/m?report=awaiting');
    expect(startLinks.run('r', 'low_results')).toBe('/classification?run=r&category=low_results');
  });

  it('an item awaits a report when it is open, begun, not overdue and unreported', () => {
    const base = { status: 'planned' as const, overdue: false, periodStart: '2026-01-01', reportCount: 0 };
    expect(awaitsReport(base, '2026-03-01')).toBe(true);
    expect(awaitsReport(base, '2025-12-31')).toBe(false);
    expect(awaitsReport({ ...base, periodStart: null }, '2026-03-01')).toBe(false);
    expect(awaitsReport({ ...base, periodStart: null, status: 'in_progress' }, '2026-03-01')).toBe(true);
    expect(awaitsReport({ ...base, reportCount: 1 }, '2026-03-01')).toBe(false);
    expect(awaitsReport({ ...base, overdue: true }, '2026-03-01')).toBe(false);
    expect(awaitsReport({ ...base, status: 'done' }, '2026-03-01')).toBe(false);
    expect(awaitsReport({ ...base, status: 'cancelled' }, '2026-03-01')).toBe(false);
  });

  it('sums road maps; archived maps do not count as overdue', () => {
    const rows = [
      row({ id: 'a', status: 'on_review', overdueCount: 2 }),
      row({ id: 'b', status: 'archived', overdueCount: 5 }),
      row({ id: 'c', status: 'approved', overdueCount: 0 }),
      row({ id: 'd', status: 'needs_revision', overdueCount: 1, level: 'municipality' }),
    ];
    const summary = summariseRoadmaps(rows);
    expect(summary).toMatchObject({ total: 4, withOverdue: 2, overdueItems: 3 });
    expect(summary.byStatus).toEqual({ draft: 0, on_review: 1, needs_revision: 1, approved: 1, archived: 1 });
    expect(summary.onReview.map((r) => r.id)).toEqual(['a']);
  });

  it('lists schools with overdue items, most overdue first, ties in Russian order', () => {
    const rows = [
      row({ id: 'a', ownerName: 'СОШ № 11', overdueCount: 2 }),
      row({ id: 'b', ownerName: 'СОШ № 3', overdueCount: 2 }),
      row({ id: 'c', ownerName: 'ООШ', overdueCount: 7 }),
      row({ id: 'd', ownerName: 'Район', overdueCount: 9, level: 'municipality' }),
      row({ id: 'e', ownerName: 'Архив', overdueCount: 9, status: 'archived' }),
      row({ id: 'f', ownerName: 'Без просрочки', overdueCount: 0 }),
    ];
    expect(overdueBySchool(rows, compareRussian).map((r) => r.roadmapId)).toEqual(['c', 'b', 'a']);
  });
});

describe('owed campaign sentence', () => {
  it('says in words who waits, until when, and whether it is late', async () => {
    const { owedCampaignSentence } = await import('./start-page');
    expect(owedCampaignSentence({ dueDate: '2026-03-31', askingName: 'Минобразования', status: 'in_progress', late: false, daysLate: 0 })).toBe('Минобразования ждёт значения до 31.03.2026.');
    expect(owedCampaignSentence({ dueDate: '2026-03-31', askingName: 'Минобразования', status: 'overdue', late: true, daysLate: 21 })).toBe('Минобразования ждёт значения до 31.03.2026: срок прошёл 21 день назад — просрочено.');
    expect(owedCampaignSentence({ dueDate: '2026-03-31', askingName: 'Район', status: 'returned', late: true, daysLate: 3 })).toContain('3 дня назад — просрочено. Значения возвращены на доработку.');
  });
});
