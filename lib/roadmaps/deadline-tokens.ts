/**
 * Tokeniser of Russian deadline texts («ноябрь- март 2022г.», «До 01.04.2021», «2 квартал 2022года»).
 * It turns the text into a flat list of time tokens (dates, months, years, quarters, half-years, small numbers,
 * range dashes and the word «до»); everything else is skipped. Month names are recognised in every grammatical
 * case and in the usual abbreviations (янв., сент., нояб.). The parser in `deadline-spans.ts` gives the tokens
 * their meaning. Pure and total: any string yields a (possibly empty) token list.
 */

export type Token =
  | { t: 'date'; d: number; m: number; y?: number }
  | { t: 'month'; m: number; y?: number }
  | { t: 'year'; y: number }
  | { t: 'num'; n: number }
  | { t: 'quarter'; q: number }
  | { t: 'half'; h: number }
  | { t: 'dash' }
  | { t: 'until' };

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

const CASE_ENDINGS_SOFT = ['ь', 'я', 'е', 'ю', 'ем'];
const CASE_ENDINGS_HARD = ['', 'а', 'е', 'у', 'ом'];

/** Stem, endings and abbreviations of every month; index + 1 is the month number. */
const MONTH_FORMS: Array<{ stem: string; endings: string[]; abbreviations: string[] }> = [
  { stem: 'январ', endings: CASE_ENDINGS_SOFT, abbreviations: ['янв'] },
  { stem: 'феврал', endings: CASE_ENDINGS_SOFT, abbreviations: ['фев', 'февр'] },
  { stem: 'март', endings: CASE_ENDINGS_HARD, abbreviations: ['мар'] },
  { stem: 'апрел', endings: CASE_ENDINGS_SOFT, abbreviations: ['апр'] },
  { stem: 'ма', endings: ['й', 'я', 'е', 'ю', 'ем'], abbreviations: [] },
  { stem: 'июн', endings: CASE_ENDINGS_SOFT, abbreviations: ['июн'] },
  { stem: 'июл', endings: CASE_ENDINGS_SOFT, abbreviations: ['июл'] },
  { stem: 'август', endings: CASE_ENDINGS_HARD, abbreviations: ['авг'] },
  { stem: 'сентябр', endings: CASE_ENDINGS_SOFT, abbreviations: ['сен', 'сент'] },
  { stem: 'октябр', endings: CASE_ENDINGS_SOFT, abbreviations: ['окт'] },
  { stem: 'ноябр', endings: CASE_ENDINGS_SOFT, abbreviations: ['ноя', 'нояб'] },
  { stem: 'декабр', endings: CASE_ENDINGS_SOFT, abbreviations: ['дек'] },
];

const MONTH_BY_WORD: ReadonlyMap<string, number> = new Map(
  MONTH_FORMS.flatMap(({ stem, endings, abbreviations }, index) => [
    ...endings.map((ending) => [stem + ending, index + 1] as const),
    ...abbreviations.map((abbreviation) => [abbreviation, index + 1] as const),
  ]),
);

const ROMAN_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['i', 1],
  ['ii', 2],
  ['iii', 3],
  ['iv', 4],
]);

const UNTIL_WORDS = new Set(['до', 'к', 'позднее']);
const RANGE_WORDS = new Set(['по']);

/** Lower case, ё → е, every dash and minus → «-», one space between words. */
export function normaliseDeadlineText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isYear(value: number): boolean {
  return value >= MIN_YEAR && value <= MAX_YEAR;
}

function expandTwoDigitYear(raw: string): number {
  return raw.length === 2 ? 2000 + Number(raw) : Number(raw);
}

/** A written date with its year (dd.mm.yyyy, dd.mm.yy, «dd.mm yyyy») that the calendar does not have: «31.13.2027», «30.02.2026». */
const WRITTEN_DATE_RE = /(?<![\d.])(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2})|\s(\d{4}))(?!\d)/g;

export function impossibleDates(text: string): string[] {
  const found: string[] = [];
  for (const match of normaliseDeadlineText(text).matchAll(WRITTEN_DATE_RE)) {
    const [d, m] = [Number(match[1]), Number(match[2])];
    const y = expandTwoDigitYear((match[3] ?? match[4])!);
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) found.push(match[0]);
  }
  return found;
}

/** dd.mm.yyyy, dd.mm.yy, «dd.mm yyyy» (a typo seen in the seeds) and dd.mm; validated against the calendar. */
const DATE_RE = /(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2})(?!\d)|\.?\s(\d{4})(?!\d)|(?!\d))/y;
/** mm.yyyy — a month of a year. */
const MONTH_YEAR_RE = /(\d{1,2})\.(\d{4})(?!\d)/y;
/** A number with an optional ordinal ending: «2», «2-й», «4-го». */
const NUMBER_RE = /(\d+)(?:-?(?:й|го|ый|ой|ий|ое|е|я)(?![а-яa-z]))?/y;
const WORD_RE = /[а-яa-z]+/y;

function matchAt(re: RegExp, text: string, index: number): RegExpExecArray | null {
  re.lastIndex = index;
  return re.exec(text);
}

function numberToken(match: RegExpExecArray): Token | null {
  const digits = match[1] ?? '';
  const value = Number(digits);
  if (digits.length === 4 && isYear(value)) return { t: 'year', y: value };
  if (digits.length <= 2) return { t: 'num', n: value };
  return null;
}

function dateToken(match: RegExpExecArray): Token | null {
  const d = Number(match[1]);
  const m = Number(match[2]);
  const rawYear = match[3] ?? match[4];
  const y = rawYear === undefined ? undefined : expandTwoDigitYear(rawYear);
  if (m < 1 || m > 12 || d < 1) return null;
  if (y !== undefined && !isYear(y)) return null;
  if (d > daysInMonth(y ?? 2000, m)) return null;
  return y === undefined ? { t: 'date', d, m } : { t: 'date', d, m, y };
}

/** A word after a number may turn it into a quarter, a half-year or a day of a month. */
function wordToken(word: string, previous: Token | undefined): { token: Token; replacesPrevious: boolean } | null {
  const month = MONTH_BY_WORD.get(word);
  const previousNumber = previous?.t === 'num' ? previous.n : undefined;
  if (month !== undefined) {
    if (previousNumber !== undefined && previousNumber >= 1 && previousNumber <= daysInMonth(2000, month)) {
      return { token: { t: 'date', d: previousNumber, m: month }, replacesPrevious: true };
    }
    return { token: { t: 'month', m: month }, replacesPrevious: false };
  }
  if (word === 'кв' || word.startsWith('квартал')) {
    if (previousNumber !== undefined && previousNumber >= 1 && previousNumber <= 4) {
      return { token: { t: 'quarter', q: previousNumber }, replacesPrevious: true };
    }
    return null;
  }
  if (word.startsWith('полугод')) {
    if (previousNumber === 1 || previousNumber === 2) {
      return { token: { t: 'half', h: previousNumber }, replacesPrevious: true };
    }
    return null;
  }
  const roman = ROMAN_NUMBERS.get(word);
  if (roman !== undefined) return { token: { t: 'num', n: roman }, replacesPrevious: false };
  if (UNTIL_WORDS.has(word)) return { token: { t: 'until' }, replacesPrevious: false };
  if (RANGE_WORDS.has(word)) return { token: { t: 'dash' }, replacesPrevious: false };
  return null;
}

/** «1-2 кв.»: the word after the second number also names the first one. */
function extendRangeStart(tokens: Token[]): void {
  const [start, dash, end] = tokens.slice(-3);
  if (start?.t !== 'num' || dash?.t !== 'dash' || end === undefined) return;
  const n = start.n;
  if (end.t === 'quarter' && n >= 1 && n <= 4) tokens[tokens.length - 3] = { t: 'quarter', q: n };
  if (end.t === 'half' && (n === 1 || n === 2)) tokens[tokens.length - 3] = { t: 'half', h: n };
  if (end.t === 'date' && end.y === undefined && n >= 1 && n <= daysInMonth(2000, end.m)) {
    tokens[tokens.length - 3] = { t: 'date', d: n, m: end.m };
  }
}

/**
 * Reads a date, a month of a year, a year or a small number at `index` and returns how many characters it used.
 * A date-like match that is not a real date («31.02.2021», «13.2021») is consumed whole and yields nothing.
 */
function readNumeric(text: string, index: number, tokens: Token[]): number {
  const monthYear = matchAt(MONTH_YEAR_RE, text, index);
  if (monthYear) {
    const month = Number(monthYear[1]);
    const year = Number(monthYear[2]);
    if (month >= 1 && month <= 12 && isYear(year)) tokens.push({ t: 'month', m: month, y: year });
    return monthYear[0].length;
  }
  const date = matchAt(DATE_RE, text, index);
  if (date) {
    const token = dateToken(date);
    if (token) tokens.push(token);
    return date[0].length;
  }
  const number = matchAt(NUMBER_RE, text, index);
  const token = number ? numberToken(number) : null;
  if (token) tokens.push(token);
  return number ? number[0].length : 1;
}

export function tokeniseDeadline(normalisedText: string): Token[] {
  const tokens: Token[] = [];
  const text = normalisedText;
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char >= '0' && char <= '9') {
      index += readNumeric(text, index, tokens);
      continue;
    }
    const word = matchAt(WORD_RE, text, index);
    if (word) {
      const result = wordToken(word[0], tokens.at(-1));
      if (result) {
        if (result.replacesPrevious) tokens.pop();
        tokens.push(result.token);
        extendRangeStart(tokens);
      }
      index += word[0].length;
      continue;
    }
    if (char === '-') tokens.push({ t: 'dash' });
    index += 1;
  }
  return tokens;
}
