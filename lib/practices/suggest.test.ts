import { describe, expect, it } from 'vitest';
import { summariseChange } from './measured';
import { suggestPractices, type SuggestionCandidate } from './suggest';

const base: SuggestionCandidate = { id: 'x', title: 'X', riskFactors: [], clusters: [null], evidenceLevel: null, improved: false, adoptions: 0 };

describe('practice suggestions', () => {
  const school = { riskFactors: ['Дефицит педагогических кадров', 'Низкая учебная мотивация обучающихся'], cluster: 2 };

  it('keeps only practices addressing the school’s risks, preferring more matches, the same cluster and proven improvement', () => {
    const ranked = suggestPractices(school, [
      { ...base, id: 'none', title: 'Оснащение', riskFactors: ['Низкий уровень оснащения школы'] },
      { ...base, id: 'one', title: 'Мотивация', riskFactors: ['Низкая учебная мотивация обучающихся'] },
      { ...base, id: 'two', title: 'Кадры и мотивация', riskFactors: ['Дефицит педагогических кадров', 'Низкая учебная мотивация обучающихся'] },
      { ...base, id: 'cluster', title: 'Кадры рядом', riskFactors: ['Дефицит педагогических кадров'], clusters: [2], improved: true },
    ]);
    // Proof in a school like this one (same cluster, improved) outweighs a second matched risk; a second risk outweighs none.
    expect(ranked.map((s) => s.id)).toEqual(['cluster', 'two', 'one']);
    expect(ranked[1]!.reason).toContain('2 ваших риска');
    expect(ranked[0]!.reason).toBe('Отвечает на ваш риск «Дефицит педагогических кадров»; применялась в школе того же социального кластера; после начала результаты школы улучшились.');
  });

  it('prefers an adjacent cluster to a distant one and a stronger evidence level', () => {
    const ranked = suggestPractices(school, [
      { ...base, id: 'far', title: 'А', riskFactors: ['Дефицит педагогических кадров'], clusters: [5] },
      { ...base, id: 'near', title: 'Б', riskFactors: ['Дефицит педагогических кадров'], clusters: [3] },
      { ...base, id: 'proven', title: 'В', riskFactors: ['Дефицит педагогических кадров'], clusters: [5], evidenceLevel: 'replicated' },
    ]);
    expect(ranked.map((s) => s.id)).toEqual(['near', 'proven', 'far']);
    expect(ranked[0]!.reason).toContain('соседнего социального кластера');
  });
});

describe('measured change', () => {
  it('tells leaving ШНОР and the gap to the municipal mean from the years around the start', () => {
    const change = summariseChange(2024, [
      { year: 2023, category: 'low_results', municipalGap: -6 },
      { year: 2024, category: 'low_results', municipalGap: -4 },
      { year: 2025, category: 'none', municipalGap: -1.5 },
    ]);
    expect(change.improved).toBe(true);
    expect(change.sentences[0]).toBe('Вышла из ШНОР (2023: ШНОР → 2025: Не относится к ШНОР и ШНСУ).');
    expect(change.sentences[1]).toContain('−6 (2023) → −1,5 (2025)');
  });

  it('does not claim a change without a year before the start', () => {
    const change = summariseChange(2024, [{ year: 2025, category: 'none', municipalGap: 1 }]);
    expect(change.improved).toBe(false);
    expect(change.sentences[0]).toContain('До начала (2024) опубликованных расчётов нет');
    expect(summariseChange(2024, [{ year: 2022, category: 'both', municipalGap: null }, { year: 2025, category: 'both', municipalGap: null }]).improved).toBe(false);
  });
});
