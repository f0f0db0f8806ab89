import { describe, expect, it } from 'vitest';
import { reportTables } from '@/lib/reports/document/model';
import { approvalStateText, buildMonitoringReport, listChanges, monitoringNoteFacts } from './build';
import type { MonitoringData } from './data';

const run = (year: number) => ({ id: `run-${year}`, year, scopeName: 'по региону', methodologyName: 'Методика', methodologyVersion: 2, inputDigest: `digest-${year}`, createdAt: new Date(`${year}-11-01T10:00:00Z`), publishedAt: new Date(`${year}-11-02T10:00:00Z`) });
const school = (id: string, category: MonitoringData['listed'][number]['category'], rural = false) => ({ schoolId: id, name: `Школа ${id}`, municipality: 'Район', rural, category, reasons: `Причины ${id}`, partners: category === 'low_results' ? [`Партнёр ${id}`] : [] });

const data: MonitoringData = {
  organisation: { id: 'r', name: 'Заречная область', level: 'region', regionId: 'r', regionName: 'Заречная область' },
  year: 2025,
  onDate: '2025-12-31',
  run: run(2025),
  previousRun: run(2024),
  listed: [school('a', 'low_results', true), school('b', 'low_results'), school('c', 'both', true), school('d', 'resilient')],
  previous: [
    { schoolId: 'a', name: 'Школа a', municipality: 'Район', category: 'low_results' },
    { schoolId: 'c', name: 'Школа c', municipality: 'Район', category: 'low_results' },
    { schoolId: 'e', name: 'Школа e', municipality: 'Район', category: 'low_results' },
    { schoolId: 'f', name: 'Школа f', municipality: 'Район', category: 'unfavourable' },
  ],
  results: [
    { exam: 'EGE', subject: 'russian', year: 2024, listed: 60.04, municipal: null, regional: 68.2 },
    { exam: 'EGE', subject: 'russian', year: 2025, listed: 61.26, municipal: null, regional: 69 },
    { exam: 'VPR', subject: 'mathematics', year: 2025, listed: 12.5, municipal: null, regional: 7.1 },
  ],
  roadmaps: {
    byMunicipality: [{ name: 'Региональный уровень', total: 4, done: 2, onTime: 1, overdue: 1 }, { name: 'Район', total: 6, done: 3, onTime: 0, overdue: 3 }],
    bySection: [{ roadmap: 'Карта', name: 'Раздел 1', total: 4, done: 2, onTime: 1, overdue: 1 }],
    overdue: [{ roadmap: 'Карта', municipality: 'Региональный уровень', number: '1.1', activity: '=СУММ(A1)', deadline: 'до 01.03.2025', periodEnd: '2025-03-01', responsible: 'УМЦ' }],
  },
  indicators: {
    rows: [
      { code: '1', name: 'Доля', unitWord: 'процент', organisation: 'Район', value: 50, approved: true, target: { year: 2026, value: 80 }, baseline: { year: 2023, value: 40 }, status: 'behind', warningKind: 'activities_done_not_moving', warning: 'Мероприятия выполняются, а показатель не меняется: …' },
      { code: '2', name: 'Число', unitWord: 'число', organisation: 'Район', value: null, approved: false, target: null, baseline: null, status: 'no_data', warningKind: null, warning: null },
    ],
    approvedOrganisations: 1,
    organisations: 2,
  },
  support: { pairs: [{ school: 'Школа a', partner: 'Партнёр a' }], curated: [{ school: 'Школа a', municipality: 'Район', curators: 'Иванова' }] },
  decisions: [{ decidedOn: '2025-03-10', title: 'Назначить кураторов', document: 'Приказ № 5', responsible: 'Отдел', dueDate: '2025-06-01', finding: 'рост ШНОР', concerned: 'Район', items: '' }],
};

describe('monitoring report', () => {
  it('counts each list against last year: who entered and who left', () => {
    const changes = Object.fromEntries(listChanges(data).map((c) => [c.category, c]));
    expect(changes.shnor).toMatchObject({ count: 2, previousCount: 3, rural: 1 });
    expect(changes.shnor!.entered.map((s) => s.schoolId)).toEqual(['b']);
    expect(changes.shnor!.left.map((s) => [s.schoolId, s.now])).toEqual([['c', 'ШНОР и ШНСУ'], ['e', 'нет в перечнях']]);
    expect(changes.both).toMatchObject({ count: 1, previousCount: 0, rural: 1 });
    expect(changes.both!.entered.map((s) => [s.schoolId, s.before])).toEqual([['c', 'ШНОР']]);
    expect(changes.shnsu).toMatchObject({ count: 0, previousCount: 1 });
    expect(changes.shnsu!.left.map((s) => s.schoolId)).toEqual(['f']);
  });

  it('without last year’s run has no changes rather than «everyone entered»', () => {
    const changes = listChanges({ ...data, previousRun: null, previous: [] });
    expect(changes.every((c) => c.previousCount === null && c.entered.length === 0 && c.left.length === 0)).toBe(true);
  });

  it('says on its title page which run, methodology version and approval state it used', () => {
    const doc = buildMonitoringReport(data);
    expect(doc.title).toBe('Мониторинговый отчёт о поддержке ШНОР и ШНСУ — Заречная область, 2025 год');
    const params = new Map(doc.parameters);
    expect(params.get('Идентификатор расчёта')).toBe('run-2025');
    expect(params.get('Методика')).toBe('Методика, версия 2');
    expect(params.get('Показатели')).toBe('утверждены значения 1 из 2 организаций; неутверждённые значения в отчёт не входят');
    expect(doc.asOf.toISOString()).toBe('2025-12-31T00:00:00.000Z');
  });

  it('has a table per part, numbers as numbers, and a chart of the listed schools against the region', () => {
    const doc = buildMonitoringReport(data);
    const tables = new Map(reportTables(doc).map((t) => [t.id, t]));
    expect([...tables.keys()]).toEqual(['lists', 'listed-schools', 'list-changes', 'results', 'roadmaps-municipalities', 'roadmaps-sections', 'roadmaps-overdue', 'indicators', 'support', 'support-pairs', 'support-curators', 'decisions']);
    expect(tables.get('results')!.rows[0]).toMatchObject({ exam: 'ЕГЭ', subject: 'Русский язык', year: 2024, listed: 60, regional: 68.2 });
    expect(tables.get('roadmaps-municipalities')!.rows.at(-1)).toMatchObject({ name: 'Итого', total: 10, done: 5, overdue: 4, doneShare: 0.5 });
    expect(tables.get('listed-schools')!.rows.map((r) => r.school)).toEqual(['Школа a', 'Школа b', 'Школа c', 'Школа d']);
    const chart = doc.blocks.find((b) => b.kind === 'chart');
    expect(chart).toMatchObject({ chart: { labels: ['2024', '2025'], series: [{ label: 'Школы ШНОР', values: [60, 61.3] }, { label: 'Регион', values: [68.2, 69], dashed: true }] } });
  });

  it('gives the analytical note the same figures as the tables', () => {
    const facts = monitoringNoteFacts(data);
    // The note's «перечень ШНОР» holds the school in both lists too (c), so c moving from ШНОР to both is no change there.
    expect(facts.lists.find((l) => l.category === 'shnor')).toEqual({ category: 'shnor', count: 3, previousCount: 3, rural: 2, entered: 1, left: 1 });
    expect(facts.lists.find((l) => l.category === 'shnsu')).toEqual({ category: 'shnsu', count: 1, previousCount: 1, rural: 1, entered: 1, left: 1 });
    expect(facts.lists.find((l) => l.category === 'both')).toEqual({ category: 'both', count: 1, previousCount: 0, rural: 1, entered: 1, left: 0 });
    expect(facts.roadmaps).toMatchObject({ total: 10, done: 5, overdue: 4 });
    expect(facts.indicators).toMatchObject({ total: 2, behind: 1, noData: 1, achieved: 0, close: 0 });
    expect(facts.indicators.warnings).toHaveLength(1);
    expect(facts.results[0]).toMatchObject({ exam: 'ЕГЭ', subject: 'русский язык', years: [2024, 2025], listedMean: [60, 61.3], overallMean: [68.2, 69], unit: 'балл' });
    expect(facts.results[1]).toMatchObject({ exam: 'ВПР', unit: '%' });
    expect(facts.support).toMatchObject({ partnerPairs: 1, curatedSchools: 1 });
    expect(facts.decisions[0]).toMatchObject({ title: 'Назначить кураторов', due: new Date('2025-06-01T00:00:00Z') });
  });

  it('words the approval state with the right plural', () => {
    expect(approvalStateText(1, 1)).toBe('все значения утверждены (1 из 1 организации)');
    expect(approvalStateText(0, 5)).toBe('утверждены значения 0 из 5 организаций; неутверждённые значения в отчёт не входят');
    expect(approvalStateText(0, 0)).toBe('нет организаций со значениями показателей');
  });
});
