import { describe, expect, it } from 'vitest';
import { EXPECTED_DOCUMENTS, EXPECTED_DOCUMENT_LABELS, guessExpectedDocument } from './document';

describe('guessExpectedDocument', () => {
  it.each([
    ['Приказ', 'order'],
    ['Положение', 'regulation'],
    ['Положение (проект)', 'regulation'],
    ['План', 'plan'],
    ['План совместных мероприятий', 'plan'],
    ['Индивидуальные планы профессионального развития педагогов', 'plan'],
    ['Аналитический отчет', 'report'],
    ['Отчёт о реализации', 'report'],
    ['составление аналитической справки', 'report'],
    ['График семинаров, отчет', 'report'],
    ['Рекомендации', 'recommendations'],
    ['Разработка методических рекомендаций', 'recommendations'],
    ['Программа', 'program'],
    ['Проведены консультации Разработаны программы', 'program'],
    ['План реализации программы', 'plan'],
    ['Инструкция', 'other'],
    ['Перечень показателей', 'other'],
    ['Примерный договора о сетевом взаимодействии', 'other'],
    ['Повышение качества образования', null],
    ['Планируемые изменения', null],
    ['', null],
  ] as const)('%j → %s', (text, kind) => {
    expect(guessExpectedDocument(text)).toBe(kind);
  });

  it('has a Russian label for every kind', () => {
    expect(EXPECTED_DOCUMENTS.every((kind) => /^[А-ЯЁ]/.test(EXPECTED_DOCUMENT_LABELS[kind]))).toBe(true);
  });
});
