/** Sample facts for the analytical note and the report renderers' tests: a region's year with every section filled. */
import type { NoteFacts } from '@/lib/reports/note/facts';

export const SAMPLE_FACTS: NoteFacts = {
  organisationName: 'Заречная область',
  level: 'region',
  year: 2025,
  run: { label: 'Расчёт 2025 года', methodologyVersion: '2.1', publishedAt: new Date('2025-09-15T09:00:00Z') },
  approvalState: 'все значения утверждены',
  asOf: new Date('2025-12-01T07:00:00Z'),
  lists: [
    { category: 'shnor', count: 14, previousCount: 17, rural: 9, entered: 2, left: 5 },
    { category: 'shnsu', count: 21, previousCount: 21, rural: 21, entered: 1, left: 1 },
    { category: 'both', count: 1, previousCount: 0, rural: 0, entered: 1, left: 0 },
    { category: 'resilient', count: 2, previousCount: 1, rural: 1, entered: 1, left: 0 },
  ],
  results: [
    {
      exam: 'ЕГЭ',
      subject: 'математика (профильная)',
      years: [2023, 2024, 2025],
      listedMean: [40.2, 44.3, 46],
      overallMean: [52.8, 54.1, 55.1],
      unit: 'балл',
    },
    {
      exam: 'ВПР',
      subject: 'русский язык, 5 класс',
      years: [2023, 2024, 2025],
      listedMean: [null, 61.5, 63.25],
      overallMean: [70, 71.5, 72],
      unit: '%',
    },
  ],
  roadmaps: {
    total: 120,
    done: 95,
    doneOnTime: 80,
    overdue: 12,
    byMunicipality: [
      { name: 'Берёзовский район', total: 70, done: 60, overdue: 2 },
      { name: 'Озёрный район', total: 50, done: 35, overdue: 10 },
    ],
  },
  indicators: {
    total: 17,
    achieved: 9,
    close: 4,
    behind: 3,
    noData: 1,
    warnings: [{ indicator: 'Доля выпускников, сдавших ЕГЭ по математике', text: 'мероприятия выполнены, а значение показателя не меняется третий год.' }],
  },
  support: { partnerPairs: 6, curatedSchools: 12, practicesPublished: 8, practicesAdopted: 5 },
  decisions: [
    { date: new Date('2025-10-20T00:00:00Z'), title: 'Закрепить школы-наставники за школами ШНОР', responsible: 'Иванова А. П.', due: new Date('2025-12-31T00:00:00Z') },
    { date: new Date('2025-03-11T00:00:00Z'), title: 'Провести семинар для директоров', responsible: 'Петров С. И.', due: null },
  ],
};

/** A year with nothing: no lists, results, road-map items, indicators, support or decisions, and no previous run. */
export const EMPTY_FACTS: NoteFacts = {
  organisationName: 'Берёзовский район',
  level: 'municipality',
  year: 2024,
  run: { label: 'Расчёт 2024 года', methodologyVersion: '1.0', publishedAt: null },
  approvalState: 'значения не утверждены',
  asOf: new Date('2024-06-01T07:00:00Z'),
  lists: [{ category: 'shnor', count: 0, previousCount: null, rural: 0, entered: 0, left: 0 }],
  results: [],
  roadmaps: { total: 0, done: 0, doneOnTime: 0, overdue: 0, byMunicipality: [] },
  indicators: { total: 0, achieved: 0, close: 0, behind: 0, noData: 0, warnings: [] },
  support: { partnerPairs: 0, curatedSchools: 0, practicesPublished: 0, practicesAdopted: 0 },
  decisions: [],
};
