import { describe, expect, it } from 'vitest';
import { reportTables } from '@/lib/reports/document/model';
import { EMPTY_FACTS, SAMPLE_FACTS } from '@/tests/support/note-facts';
import type { NoteListFacts } from './facts';
import {
  buildAnalyticalNote,
  conclusions,
  decisionsSentence,
  indicatorSentence,
  listChangeSentence,
  listSentence,
  resultSentence,
  roadmapSentence,
  supportSentence,
} from './note';

const NBSP = '\u00a0';
const shnor = (count: number, previousCount: number | null, rural = 0): NoteListFacts => ({ category: 'shnor', count, previousCount, rural, entered: 0, left: 0 });

describe('list sentences', () => {
  it('writes the issue\'s sentence', () => {
    expect(listSentence(shnor(14, 17, 9), 2025)).toBe(
      'В 2025 году в перечень ШНОР включено 14 школ (на 3 меньше, чем в 2024 году); из них 9 — в сельской местности.',
    );
  });

  it.each([
    [1, 'включена 1 школа'],
    [2, 'включены 2 школы'],
    [5, 'включено 5 школ'],
    [11, 'включено 11 школ'],
    [21, 'включена 21 школа'],
  ])('agrees %d', (count, phrase) => {
    expect(listSentence(shnor(count, count - 1, 0), 2025)).toContain(`в перечень ШНОР ${phrase} (на 1 больше, чем в 2024 году)`);
  });

  it('says «столько же», has no comparison without a previous year, and words an empty list', () => {
    expect(listSentence(shnor(7, 7, 7), 2025)).toBe('В 2025 году в перечень ШНОР включено 7 школ (столько же, сколько в 2024 году); все они — в сельской местности.');
    expect(listSentence(shnor(7, null, 0), 2025)).toBe('В 2025 году в перечень ШНОР включено 7 школ; сельских школ среди них нет.');
    expect(listSentence(shnor(0, null), 2025)).toBe('В 2025 году в перечень ШНОР не включено ни одной школы.');
    expect(listSentence(shnor(0, 3), 2025)).toBe('В 2025 году в перечень ШНОР не включено ни одной школы (в 2024 году — 3 школы).');
    expect(listSentence(shnor(0, 0), 2025)).toBe('В 2025 году в перечень ШНОР не включено ни одной школы (как и в 2024 году).');
  });

  it('words the other lists', () => {
    expect(listSentence({ category: 'resilient', count: 1, previousCount: 2, rural: 1, entered: 0, left: 1 }, 2025)).toBe(
      'В 2025 году резильентной признана 1 школа (на 1 меньше, чем в 2024 году); это сельская школа.',
    );
    expect(listSentence({ category: 'both', count: 5, previousCount: null, rural: 2, entered: 0, left: 0 }, 2025)).toBe(
      'В 2025 году одновременно к ШНОР и ШНСУ отнесено 5 школ; из них 2 — в сельской местности.',
    );
  });

  it('says who entered and left, or that nothing changed', () => {
    expect(listChangeSentence({ ...shnor(14, 17), entered: 2, left: 5 }, 2025)).toBe('Состав перечня ШНОР по сравнению с 2024 годом: вошли 2 школы, вышло 5 школ.');
    expect(listChangeSentence({ ...shnor(14, 13), entered: 1, left: 0 }, 2025)).toBe('Состав перечня ШНОР по сравнению с 2024 годом: вошла 1 школа, ни одна школа не вышла.');
    expect(listChangeSentence(shnor(14, 14), 2025)).toBe('Состав перечня ШНОР по сравнению с 2024 годом не изменился.');
    expect(listChangeSentence(shnor(14, null), 2025)).toBeNull();
  });
});

describe('other sentences', () => {
  it('compares the listed schools\' results with the mean, with the previous year', () => {
    expect(resultSentence(SAMPLE_FACTS.results[0]!, 'region')).toBe(
      'ЕГЭ, математика (профильная): в 2025 году средний результат школ ШНОР — 46 баллов, в среднем по региону — 55,1 балла; ' +
        'школы ШНОР отстают на 9,1 балла (в 2024 году отставание составляло 9,8 балла).',
    );
    expect(resultSentence({ exam: 'ОГЭ', subject: 'химия', years: [2025], listedMean: [null], overallMean: [60], unit: 'балл' }, 'municipality')).toBe(
      'ОГЭ, химия: данных для сравнения результатов школ ШНОР со средними по муниципалитету нет.',
    );
    expect(resultSentence({ exam: 'ВПР', subject: 'математика', years: [2025], listedMean: [75.5], overallMean: [70], unit: '%' }, 'municipality')).toBe(
      `ВПР, математика: в 2025 году средний результат школ ШНОР — 75,5${NBSP}%, в среднем по муниципалитету — 70${NBSP}%; школы ШНОР выше среднего на 5,5 п.${NBSP}п.`,
    );
  });

  it('words road maps, indicators, support and decisions, zeros included', () => {
    expect(roadmapSentence(SAMPLE_FACTS.roadmaps, 2025)).toBe(
      `К концу 2025 года дорожными картами предусмотрено 120 мероприятий; выполнено 95 (79,2${NBSP}%), из них в срок — 80; просрочено 12 (10${NBSP}%).`,
    );
    expect(roadmapSentence({ total: 1, done: 0, doneOnTime: 0, overdue: 0, byMunicipality: [] }, 2025)).toBe(
      'К концу 2025 года дорожными картами предусмотрено 1 мероприятие; ни одно из них не выполнено; просроченных нет.',
    );
    expect(indicatorSentence(SAMPLE_FACTS.indicators, 2025)).toBe(
      'Из 17 показателей целевое значение достигнуто по 9, близко к целевому — по 4, отстают от цели 3 и нет данных по 1.',
    );
    expect(indicatorSentence({ ...SAMPLE_FACTS.indicators, total: 21, achieved: 21, close: 0, behind: 0, noData: 0 }, 2025)).toBe(
      'Из 21 показателя целевое значение достигнуто по 21.',
    );
    expect(supportSentence({ partnerPairs: 1, curatedSchools: 21, practicesPublished: 2, practicesAdopted: 0 }, 'municipality')).toBe(
      'В муниципалитете сформирована 1 партнёрская пара; куратор закреплён за 21 школой; в банке опубликованы 2 практики, внедрений практик не отмечено.',
    );
    expect(decisionsSentence(SAMPLE_FACTS.decisions, 2025)).toBe('В 2025 году принято 2 управленческих решения:');
    expect(decisionsSentence([], 2025)).toBe('Управленческих решений в 2025 году не зафиксировано.');
  });
});

describe('conclusions', () => {
  it('sums up the findings the facts support', () => {
    expect(conclusions(SAMPLE_FACTS)).toEqual([
      'Число школ в перечне ШНОР сократилось на 3 — с 17 до 14.',
      'Наибольшее отставание школ ШНОР от среднего — ЕГЭ, математика (профильная): 9,1 балла.',
      'Разрыв между школами ШНОР и средним сократился по 2 из 2 предметов.',
      `Просрочено 10${NBSP}% мероприятий дорожных карт; больше всего — Озёрный район (10).`,
      'Целевое значение не достигнуто по 7 из 17 показателей.',
    ]);
  });

  it('says nothing where there is nothing to compare', () => {
    expect(conclusions(EMPTY_FACTS)).toEqual([]);
    expect(buildAnalyticalNote(EMPTY_FACTS).blocks.some((block) => block.kind === 'heading' && block.text === '7. Выводы')).toBe(false);
    const same = { ...SAMPLE_FACTS, lists: [shnor(5, 5)], results: [], roadmaps: { ...SAMPLE_FACTS.roadmaps, overdue: 0 }, indicators: { ...SAMPLE_FACTS.indicators, close: 0, behind: 0 } };
    expect(conclusions(same)).toEqual(['Число школ в перечне ШНОР не изменилось: 5 школ.']);
  });
});

describe('buildAnalyticalNote', () => {
  const note = buildAnalyticalNote(SAMPLE_FACTS);
  const text = note.blocks.flatMap((block) => (block.kind === 'paragraph' || block.kind === 'heading' ? [block.text] : block.kind === 'list' ? block.items : [])).join('\n');

  it('titles the note and lists the parameters it was built from', () => {
    expect(note.title).toBe('Аналитическая справка о поддержке ШНОР и ШНСУ — Заречная область, 2025 год');
    expect(note.parameters).toContainEqual(['Версия методики', '2.1']);
    expect(note.parameters).toContainEqual(['Расчёт опубликован', '15.09.2025']);
    expect(note.asOf).toBe(SAMPLE_FACTS.asOf);
  });

  it('writes connected paragraphs with the figures', () => {
    expect(text).toContain('В 2025 году в перечень ШНОР включено 14 школ (на 3 меньше, чем в 2024 году); из них 9 — в сельской местности.');
    expect(text).toContain('В 2025 году в перечень ШНСУ включена 21 школа (столько же, сколько в 2024 году); все они — в сельской местности.');
    expect(text).toContain('Справка подготовлена по данным на 01.12.2025.');
    expect(text).toContain('Требует внимания 1 показатель');
    expect(text).toContain('Доля выпускников, сдавших ЕГЭ по математике: мероприятия выполнены');
    expect(text).toContain('Озёрный район — выполнено 35 из 50 мероприятий, просрочено 10.');
    expect(text).toContain('В регионе сформировано 6 партнёрских пар; куратор закреплён за 12 школами;');
    // Decisions in date order.
    expect(text.indexOf('11.03.2025 — Провести семинар')).toBeLessThan(text.indexOf('20.10.2025 — Закрепить школы-наставники'));
    expect(text).toContain('срок исполнения — без срока');
  });

  it('has the tables and a chart per result series', () => {
    const tables = reportTables(note);
    expect(tables.map((table) => table.id)).toEqual(['note-lists', 'note-results', 'note-roadmaps', 'note-indicators', 'note-decisions']);
    const lists = tables[0]!;
    expect(lists.rows[0]).toMatchObject({ name: 'ШНОР', count: 14, previous: 17, change: -3, rural: 9, entered: 2, left: 5 });
    const roadmaps = tables[2]!;
    const total = roadmaps.rows[roadmaps.rows.length - 1]!;
    expect(total).toMatchObject({ name: 'Итого', total: 120, done: 95 });
    expect(roadmaps.rowStyle?.(total)).toBe('total');
    expect(tables[1]!.rows.find((row) => row.subject === 'математика (профильная)' && row.year === '2024')).toMatchObject({ listed: 44.3, overall: 54.1, gap: -9.8 });

    const charts = note.blocks.flatMap((block) => (block.kind === 'chart' ? [block.chart] : []));
    const resultCharts = charts.filter((chart) => chart.id.startsWith('note-results-'));
    expect(resultCharts).toHaveLength(SAMPLE_FACTS.results.length);
    expect(resultCharts[1]!.series[0]!.values).toEqual([null, 61.5, 63.25]);
    expect(resultCharts[1]!.series[1]!.dashed).toBe(true);
    expect(resultCharts[0]!.description).toContain('школы ШНОР отстают на 9,1 балла');
  });

  it('reads gracefully for an empty year without a previous run', () => {
    const empty = buildAnalyticalNote(EMPTY_FACTS);
    const emptyText = empty.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : [])).join('\n');
    expect(emptyText).toContain('В 2024 году в перечень ШНОР не включено ни одной школы.');
    expect(emptyText).toContain('Перечни за 2024 год составлены впервые: опубликованного расчёта за 2023 год нет');
    expect(emptyText).toContain('Мероприятий со сроком до конца 2024 года в дорожных картах нет.');
    expect(emptyText).toContain('Показатели мониторинга на 2024 год не установлены.');
    expect(emptyText).toContain('Управленческих решений в 2024 году не зафиксировано.');
    expect(emptyText).not.toMatch(/NaN|undefined|null|на 0 /);
    expect(empty.blocks.some((block) => block.kind === 'chart')).toBe(false);
    expect(empty.parameters).toContainEqual(['Расчёт опубликован', 'не опубликован']);
  });
});
