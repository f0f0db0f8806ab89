/**
 * The columns an assessment or context import can fill: Russian labels, header synonyms and cell parsers. The
 * school is found by ОГРН, or by its exact name within the importing user's scope.
 */
import { parseOgrn } from '@/lib/organisations/identifiers';
import { normaliseText, nameKey, parseRussianNumber, parseSettlement } from '@/lib/schools/import/values';
import { matchSubject } from '../subjects';

export type Parsed = { ok: true; value: string | number | boolean } | { ok: false; message: string };

export interface FieldSpec {
  label: string;
  synonyms: string[];
  parse: (text: string) => Parsed;
}

const ok = (value: string | number | boolean): Parsed => ({ ok: true, value });
const fail = (message: string): Parsed => ({ ok: false, message });

function number(label: string, min: number, max: number, integer = false) {
  return (text: string): Parsed => {
    const value = parseRussianNumber(text.replace('%', ''));
    if (value === null || value < min || value > max || (integer && !Number.isInteger(value))) {
      return fail(`${label}: ожидается ${integer ? 'целое ' : ''}число от ${min} до ${max.toLocaleString('ru-RU')}, а не «${text}»`);
    }
    return ok(value);
  };
}

const EXAM_WORDS: Record<string, 'EGE' | 'OGE' | 'VPR'> = { егэ: 'EGE', ege: 'EGE', огэ: 'OGE', oge: 'OGE', впр: 'VPR', vpr: 'VPR' };
const YES = new Set(['да', 'есть', 'имеется', '1', 'yes', 'true', '+']);
const NO = new Set(['нет', 'отсутствует', '0', 'no', 'false', '-', '—']);

function flag(label: string) {
  return (text: string): Parsed => {
    const key = nameKey(text);
    if (YES.has(key)) return ok(true);
    if (NO.has(key)) return ok(false);
    return fail(`${label}: укажите «да» или «нет»`);
  };
}

const count = (label: string) => number(label, 0, 1_000_000, true);
const share = (label: string) => number(label, 0, 100);

const school = {
  ogrn: { label: 'ОГРН', synonyms: ['огрн', 'ogrn', 'огрн оо', 'огрн школы'], parse: (t: string): Parsed => parseOgrn(t) },
  schoolName: {
    label: 'Школа',
    synonyms: ['школа', 'оо', 'наименование оо', 'образовательная организация', 'наименование', 'наименование школы', 'название', 'school'],
    parse: (t: string): Parsed => ok(normaliseText(t)),
  },
  year: { label: 'Год', synonyms: ['год', 'учебный год', 'year', 'год проведения'], parse: number('Год', 2000, 2100, true) },
} satisfies Record<string, FieldSpec>;

export const ASSESSMENT_FIELDS = {
  ...school,
  exam: {
    label: 'Экзамен',
    synonyms: ['экзамен', 'процедура', 'вид оценки', 'форма', 'exam'],
    parse: (t: string): Parsed => (EXAM_WORDS[nameKey(t)] ? ok(EXAM_WORDS[nameKey(t)]!) : fail(`Экзамен «${t}» не распознан: укажите ЕГЭ, ОГЭ или ВПР`)),
  },
  subject: {
    label: 'Предмет',
    synonyms: ['предмет', 'учебный предмет', 'subject'],
    parse: (t: string): Parsed => {
      const code = matchSubject(t);
      return code ? ok(code) : fail(`Предмет «${t}» не распознан`);
    },
  },
  grade: { label: 'Класс', synonyms: ['класс', 'параллель', 'grade'], parse: number('Класс', 1, 11, true) },
  participants: { label: 'Участников', synonyms: ['участников', 'число участников', 'количество участников', 'участники', 'писали', 'participants'], parse: count('Участников') },
  meanScore: { label: 'Средний балл', synonyms: ['средний балл', 'средний тестовый балл', 'средний первичный балл', 'ср балл', 'mean', 'mean score'], parse: number('Средний балл', 0, 100) },
  maxScore: { label: 'Максимальный балл', synonyms: ['максимальный балл', 'максимальный первичный балл', 'макс балл'], parse: number('Максимальный балл', 1, 100) },
  belowMinimum: {
    label: 'Ниже минимума / «2»',
    synonyms: ['ниже минимума', 'не преодолели минимальный порог', 'ниже минимального балла', 'не набрали минимум', 'получили 2', 'двоек', '2', 'неудовлетворительно'],
    parse: count('Ниже минимума / «2»'),
  },
  marks2: { label: 'Оценка «2»', synonyms: ['оценка 2', 'отметка 2', 'на 2', 'кол во 2'], parse: count('Оценка «2»') },
  marks3: { label: 'Оценка «3»', synonyms: ['оценка 3', 'отметка 3', 'на 3', 'кол во 3', '3'], parse: count('Оценка «3»') },
  marks4: { label: 'Оценка «4»', synonyms: ['оценка 4', 'отметка 4', 'на 4', 'кол во 4', '4'], parse: count('Оценка «4»') },
  marks5: { label: 'Оценка «5»', synonyms: ['оценка 5', 'отметка 5', 'на 5', 'кол во 5', '5'], parse: count('Оценка «5»') },
  highScorers: { label: 'Высокобалльников', synonyms: ['высокобалльников', 'высокобалльники', 'от 81 балла', '81 100', 'высокий балл'], parse: count('Высокобалльников') },
} satisfies Record<string, FieldSpec>;

export const CONTEXT_FIELDS = {
  ...school,
  pupils: { label: 'Обучающихся', synonyms: ['обучающихся', 'численность обучающихся', 'контингент', 'число обучающихся'], parse: count('Обучающихся') },
  continuationShare9to10: { label: 'Перешли в 10 класс, %', synonyms: ['перешли в 10 класс', 'доля перешедших в 10 класс', 'переход в 10 класс'], parse: share('Перешли в 10 класс, %') },
  olympiadParticipants: { label: 'Участники олимпиад', synonyms: ['участники олимпиад', 'олимпиады', 'участников региональных и всероссийских олимпиад'], parse: count('Участники олимпиад') },
  shareOvz: { label: 'Доля ОВЗ, %', synonyms: ['доля овз', 'овз', 'обучающиеся с овз'], parse: share('Доля ОВЗ, %') },
  shareLowIncome: { label: 'Малообеспеченные, %', synonyms: ['малообеспеченные', 'доля малообеспеченных', 'из малообеспеченных семей'], parse: share('Малообеспеченные, %') },
  shareParentsHigherEd: { label: 'Родители с высшим образованием, %', synonyms: ['родители с высшим образованием', 'высшее образование родителей'], parse: share('Родители с высшим образованием, %') },
  shareNonNativeRussian: { label: 'Русский не родной, %', synonyms: ['русский не родной', 'неродной русский', 'доля с неродным русским'], parse: share('Русский не родной, %') },
  distanceKm: { label: 'Расстояние до центра, км', synonyms: ['расстояние до центра', 'расстояние до центра км', 'удаленность', 'удаленность км'], parse: number('Расстояние до центра, км', 0, 10_000) },
  rural: {
    label: 'Сельская местность',
    synonyms: ['сельская местность', 'местность', 'тип местности', 'город село'],
    parse: (t: string): Parsed => {
      const settlement = parseSettlement(t);
      return settlement ? ok(settlement === 'rural') : flag('Сельская местность')(t);
    },
  },
  teacherVacancyShare: { label: 'Вакансии учителей, %', synonyms: ['вакансии учителей', 'доля вакансий', 'вакансии'], parse: share('Вакансии учителей, %') },
  shareTeachersUnder35: { label: 'Учителя до 35 лет, %', synonyms: ['учителя до 35 лет', 'учителя моложе 35', 'молодые учителя'], parse: share('Учителя до 35 лет, %') },
  shareTeachers60plus: { label: 'Учителя 60+, %', synonyms: ['учителя 60', 'учителя 60 и старше', 'учителя старше 60'], parse: share('Учителя 60+, %') },
  internetMbps: { label: 'Интернет, Мбит/с', synonyms: ['интернет', 'скорость интернета', 'интернет мбит с'], parse: number('Интернет, Мбит/с', 0, 100_000) },
  hasPsychologist: { label: 'Педагог-психолог', synonyms: ['педагог психолог', 'психолог'], parse: flag('Педагог-психолог') },
  hasSpeechTherapist: { label: 'Учитель-логопед', synonyms: ['учитель логопед', 'логопед'], parse: flag('Учитель-логопед') },
  hasSocialPedagogue: { label: 'Социальный педагог', synonyms: ['социальный педагог', 'соцпедагог'], parse: flag('Социальный педагог') },
  facilitiesCondition: { label: 'Состояние МТБ (1–5)', synonyms: ['состояние мтб', 'мтб', 'материально техническая база'], parse: number('Состояние МТБ (1–5)', 1, 5, true) },
} satisfies Record<string, FieldSpec>;

export type ContextField = keyof typeof CONTEXT_FIELDS;
export type ImportKind = 'assessments' | 'contexts';

export const REQUIRED: Record<ImportKind, string[]> = {
  assessments: ['year', 'exam', 'subject', 'participants'],
  contexts: ['year'],
};

export function fieldsOf(kind: ImportKind): Record<string, FieldSpec> {
  return kind === 'assessments' ? ASSESSMENT_FIELDS : CONTEXT_FIELDS;
}
