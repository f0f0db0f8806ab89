import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '@/lib/classification/rule-names';
import { categoryHeadline, categoryMeaning, exitSentence, exitStep, inProgramme, PUBLIC_CATEGORIES, PUBLIC_CATEGORY_LABELS, ruleReason, type PublicRuleFact } from './sentences';

const fact = (rule: PublicRuleFact['rule'], items: PublicRuleFact['items'], extra: Partial<PublicRuleFact> = {}): PublicRuleFact => ({
  rule,
  status: 'fired',
  year: 2025,
  threshold: rule === 'R1' ? 20 : rule === 'R3' ? 30 : rule === 'R4' ? 60 : rule === 'R5' ? 0.5 : 0,
  value: null,
  items,
  ...extra,
});

describe('public status sentences', () => {
  it('every category has a headline with the year, a meaning and a label', () => {
    for (const category of PUBLIC_CATEGORIES) {
      expect(categoryHeadline(category, 2025)).toMatch(/2025 года/);
      expect(categoryMeaning(category).length).toBeGreaterThan(20);
      expect(PUBLIC_CATEGORY_LABELS[category]).toBeTruthy();
    }
    expect(categoryHeadline('low_results', 2025)).toBe('Школа включена в региональную программу поддержки школ с низкими образовательными результатами (ШНОР) по расчёту 2025 года.');
    expect(categoryHeadline('none', 2024)).toContain('не входит');
    expect(categoryMeaning('both')).toContain('не наказание');
    expect(inProgramme('unfavourable')).toBe(true);
    expect(inProgramme('resilient')).toBe(false);
  });

  it('R1 names the gap when enough pupils took the exam, and hides it otherwise', () => {
    const shown = ruleReason(fact('R1', [{ exam: 'EGE', subject: 'mathematics_profile', participants: 14, status: 'fired', value: 41, reference: 64 }]));
    expect(shown).toBe('Средний балл ЕГЭ по математике (профиль) на 23 балла ниже среднего по муниципалитету (41 против 64 из 100) — 2025 год.');
    const hidden = ruleReason(fact('R1', [{ exam: 'EGE', subject: 'mathematics_profile', participants: 7, status: 'fired', value: 41, reference: 64 }]));
    expect(hidden).toContain('меньше 10 участников — не публикуется');
    expect(hidden).not.toMatch(/\b23\b|\b41\b/);
  });

  it('R2 and R3 hide a share that reveals fewer than 10 pupils', () => {
    const r2 = ruleReason(fact('R2', [{ exam: 'OGE', subject: 'mathematics', participants: 20, status: 'fired', value: 15, reference: null }]));
    expect(r2).toContain('меньше 10 участников — не публикуется');
    expect(r2).not.toContain('15%');
    const r2big = ruleReason(fact('R2', [{ exam: 'EGE', subject: 'russian', participants: 100, status: 'fired', value: 12, reference: null }]));
    expect(r2big).toContain('12% участников ЕГЭ по русскому языку не набрали минимальный балл');
    const r3 = ruleReason(fact('R3', [{ exam: 'VPR', subject: 'mathematics', grade: 5, participants: 40, status: 'fired', value: 35, reference: null }]));
    expect(r3).toContain('35% участников ВПР (математика, 5 класс) получили «2»');
  });

  it('R4 never publishes the share, R5 only from 10 olympiad participants', () => {
    expect(ruleReason(fact('R4', [], { value: 40 }))).toContain('число участников неизвестно — не публикуется');
    expect(ruleReason(fact('R4', [], { value: 40 }))).not.toContain('40');
    const small = ruleReason(fact('R5', [{ participants: 300, status: 'fired', value: 0.33, reference: null }], { value: 0.33 }));
    expect(small).toContain('меньше 10 участников — не публикуется');
    const large = ruleReason(fact('R5', [{ participants: 3000, status: 'fired', value: 0.4, reference: null }], { value: 0.4 }));
    expect(large).toContain('0,4% обучающихся');
  });

  it('every rule has an exit step, and the exit sentence follows the chosen rules', () => {
    for (const rule of RULE_IDS) expect(exitStep(fact(rule, [{ exam: 'OGE', subject: 'russian', participants: 30, status: 'fired', value: 1, reference: 2 }])).length).toBeGreaterThan(20);
    const facts = [fact('R1', [{ exam: 'EGE', subject: 'mathematics_profile', participants: 14, status: 'fired', value: 41, reference: 64 }]), fact('R4', [])];
    expect(exitSentence('low_results', facts, ['R4'])).toBe('Чтобы выйти из списка, достаточно одного: чтобы в 10 класс переходили не менее 60% выпускников 9 класса.');
    expect(exitSentence('both', facts)).toContain('следующего');
    expect(exitSentence('none', facts)).toBeNull();
    expect(exitSentence('unfavourable', facts)).toContain('условия');
  });
});
