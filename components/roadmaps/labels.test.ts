import { describe, expect, it } from 'vitest';
import { itemHeading, itemLabel, sectionTitle, SHORT_TITLE_LENGTH, shortTitle } from './labels';

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

describe('shortTitle', () => {
  it('keeps a short text whole', () => {
    expect(shortTitle('Семинар для заместителей директоров')).toEqual({ title: 'Семинар для заместителей директоров', cut: false });
  });

  it('cuts a long text at a word, never inside one, and says it was cut', () => {
    const text =
      'Организация и проведение комплекса мероприятий по повышению квалификации педагогических работников образовательных организаций с низкими результатами обучения';
    const { title, cut } = shortTitle(text);
    expect(cut).toBe(true);
    expect(title.length).toBeLessThanOrEqual(SHORT_TITLE_LENGTH + 1);
    expect(title.endsWith('…')).toBe(true);
    const head = title.slice(0, -1);
    expect(text.startsWith(head)).toBe(true);
    expect(text[head.length]).toBe(' ');
  });

  it('prefers the first sentence when it fits', () => {
    const text = 'Мониторинг результатов ВПР по школам. Анализ причин низких результатов, подготовка адресных рекомендаций для каждой школы района и их обсуждение';
    expect(shortTitle(text).title).toBe('Мониторинг результатов ВПР по школам…');
  });

  it('numbers the heading of an item', () => {
    expect(itemHeading({ number: '1.2', activity: 'Семинар' })).toEqual({ title: '1.2 Семинар', cut: false });
  });
});
