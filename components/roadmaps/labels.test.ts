import { describe, expect, it } from 'vitest';
import { itemLabel, sectionTitle } from './labels';

describe('sectionTitle', () => {
  it('adds a dot after a bare number and keeps a written one', () => {
    expect(sectionTitle({ number: 'I', title: 'Организационные мероприятия' })).toBe('I. Организационные мероприятия');
    expect(sectionTitle({ number: '2.', title: 'Реализация' })).toBe('2. Реализация');
    expect(sectionTitle({ number: '3)', title: 'Итоги' })).toBe('3) Итоги');
  });

  it('does not number a title twice', () => {
    expect(sectionTitle({ number: '1', title: '1 этап – подготовительный' })).toBe('1 этап – подготовительный');
    expect(sectionTitle({ number: '2.', title: '2 этап - реализация' })).toBe('2 этап - реализация');
  });

  it('names the implicit section and a section without a number', () => {
    expect(sectionTitle({ number: null, title: null })).toBe('Без раздела');
    expect(sectionTitle({ title: 'Этап 1' })).toBe('Этап 1');
  });
});

describe('itemLabel', () => {
  it('puts the number before the activity when there is one', () => {
    expect(itemLabel({ number: '1.2', activity: 'Семинар' })).toBe('1.2 Семинар');
    expect(itemLabel({ number: null, activity: 'Семинар' })).toBe('Семинар');
  });
});
