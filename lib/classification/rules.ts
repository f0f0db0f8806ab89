/**
 * The five rules of low results (seed 004). Each returns fired / not fired / insufficient data with the value,
 * the reference, the threshold and a Russian sentence; a result with fewer participants than the methodology's
 * minimum is never judged.
 *
 * R1 compares with the participant-weighted mean of the municipality's schools that have enough participants
 * in that exam, subject and year — the school itself included, as a district mean naturally is.
 */
import { belowCount, contextOf, isJudged, ogeMaximum, percentScore, resultsOf, type Dataset } from './dataset';
import { recentMemo } from './recent';
import { EXAM_NAMES, egeMinimumScore, subjectInfo } from './subjects';
import { atLeast, count, fmt, fmtPercent, greaterThan, PARTICIPANTS, POINTS, PUPILS } from './format';
import type { AssessmentResult, RuleDetail, RuleId, RuleOutcome, RuleStatus, School } from './types';

export const GIA_SOURCE = 'РИС ГИА: результаты ЕГЭ и ОГЭ';
export const CONTEXT_SOURCE = 'Сведения о контексте школы';

/** «ЕГЭ по математике (профиль)». */
export function examSubject(result: Pick<AssessmentResult, 'exam' | 'subject'>): string {
  return `${EXAM_NAMES[result.exam]} по ${subjectInfo(result.subject).dative}`;
}

/** Builds a sentence only when explanations are wanted: earlier years judged for stability need decisions only. */
export function say(explain: boolean, sentence: () => string): string {
  return explain ? sentence() : '';
}

function tooFew(result: AssessmentResult, year: number, minParticipants: number, explain: boolean): RuleDetail {
  return {
    status: 'insufficient_data',
    exam: result.exam,
    subject: result.subject,
    grade: result.grade ?? null,
    year,
    participants: result.participants,
    value: null,
    reference: null,
    sentence: say(explain, () => `${examSubject(result)}: ${count(result.participants, PARTICIPANTS)} — меньше ${minParticipants}, результат не оценивается.`),
  };
}

/** Fired if any detail fired; not fired if at least one was judged; otherwise insufficient data. */
export function combineStatus(details: readonly RuleDetail[]): RuleStatus {
  if (details.some((d) => d.status === 'fired')) return 'fired';
  if (details.some((d) => d.status === 'not_fired')) return 'not_fired';
  return 'insufficient_data';
}

/** R1 and R2 of one school and year read the same judged rows, one after the other. */
const recentJudged = recentMemo<readonly AssessmentResult[], AssessmentResult[]>(2);

function judgedRows(dataset: Dataset, school: School, year: number): AssessmentResult[] {
  const rows = resultsOf(dataset, school.id, year);
  return recentJudged(rows, () => rows.filter((r) => isJudged(dataset.methodology, r)));
}

/** The sentence of one R1 detail (a function of its own: no closure per row in a national run). */
function describeR1(row: AssessmentResult, score: number, reference: number, gapPoints: number): string {
  const gap = reference - score;
  const shown = row.exam === 'OGE' ? `${fmt(score)} из 100 (первичный балл ${fmt(row.meanScore ?? 0)} из ${fmt(ogeMaximum(row) ?? 0)})` : fmt(score);
  const direction = gap > 0 ? `на ${count(gap, POINTS)} ниже` : gap < 0 ? `на ${count(-gap, POINTS)} выше` : 'столько же, сколько';
  return `Средний ${row.exam === 'EGE' ? 'балл' : 'результат'} ${examSubject(row)} — ${shown}; это ${direction} среднего по муниципалитету (${fmt(reference)}); порог — ${count(gapPoints, POINTS)}.`;
}

/** R1: the school's 0–100 mean is more than `gapPoints` below the municipal mean. */
export function ruleR1(dataset: Dataset, school: School, year: number, explain = true): RuleOutcome {
  const { minParticipants, r1 } = dataset.methodology;
  const details: RuleDetail[] = [];
  let worst: { detail: RuleDetail; gap: number } | null = null;
  for (const row of judgedRows(dataset, school, year)) {
    const score = percentScore(row);
    if (score === null) continue;
    if (row.participants < minParticipants) {
      details.push(tooFew(row, year, minParticipants, explain));
      continue;
    }
    const acc = dataset.municipalMeans.get(school.municipalityId, year, row.exam, row.subject);
    if (!acc) continue;
    const reference = acc.weightedSum / acc.participants;
    const gap = reference - score;
    const fired = greaterThan(gap, r1.gapPoints);
    const detail: RuleDetail = {
      status: fired ? 'fired' : 'not_fired',
      exam: row.exam,
      subject: row.subject,
      year,
      participants: row.participants,
      value: score,
      reference,
      sentence: explain ? describeR1(row, score, reference, r1.gapPoints) : '',
    };
    details.push(detail);
    if (!worst || gap > worst.gap) worst = { detail, gap };
  }
  return summarise('R1', year, details, worst?.detail ?? null, r1.gapPoints, GIA_SOURCE,
    say(explain, () => `Нет результатов ЕГЭ и ОГЭ по оцениваемым предметам с числом участников не меньше ${minParticipants} за ${year} год.`));
}

/** What R2 counts, in words (module-level functions: a national run calls the rules millions of times). */
function belowWhat(row: AssessmentResult, year: number): string {
  return row.exam === 'EGE' ? `не набрали минимальный балл (${egeMinimumScore(row.subject, year) ?? '—'})` : 'получили «2»';
}

function r2Limit(minSharePercent: number): string {
  return minSharePercent > 0 ? `не менее ${fmtPercent(minSharePercent)} участников` : 'хотя бы один такой участник';
}

const period = (first: number, year: number) => (first === year ? `${year} год` : `${first}–${year} гг.`);
const gaps = (missing: readonly number[]) => (missing.length > 0 ? ` (нет данных за ${missing.join(', ')} г.)` : '');

/** R2: the share of participants below the ЕГЭ minimum or with ОГЭ mark «2» is at least the threshold. */
export function ruleR2(dataset: Dataset, school: School, year: number, explain = true): RuleOutcome {
  const { minParticipants, r2 } = dataset.methodology;
  const details: RuleDetail[] = [];
  let worst: RuleDetail | null = null;
  for (const row of judgedRows(dataset, school, year)) {
    if (row.participants < minParticipants) {
      details.push(tooFew(row, year, minParticipants, explain));
      continue;
    }
    const below = belowCount(row);
    if (below === null) {
      details.push({ status: 'insufficient_data', exam: row.exam, subject: row.subject, year, participants: row.participants, value: null, reference: null, sentence: say(explain, () => `${examSubject(row)}: нет данных о том, сколько участников ${belowWhat(row, year)}.`) });
      continue;
    }
    const share = (below * 100) / row.participants;
    const fired = below >= 1 && atLeast(share, r2.minSharePercent);
    const detail: RuleDetail = {
      status: fired ? 'fired' : 'not_fired',
      exam: row.exam,
      subject: row.subject,
      year,
      participants: row.participants,
      value: share,
      reference: null,
      sentence: say(explain, () => `${examSubject(row)}: ${fmt(below)} из ${count(row.participants, PARTICIPANTS)} (${fmtPercent(share)}) ${belowWhat(row, year)}; порог — ${r2Limit(r2.minSharePercent)}.`),
    };
    details.push(detail);
    if (!worst || share > (worst.value ?? -1)) worst = detail;
  }
  return summarise('R2', year, details, worst, r2.minSharePercent, GIA_SOURCE,
    say(explain, () => `Нет данных ЕГЭ и ОГЭ по оцениваемым предметам с числом участников не меньше ${minParticipants} за ${year} год.`));
}

/** R4: under the threshold share of 9th-grade graduates go on to grade 10. */
export function ruleR4(dataset: Dataset, school: School, year: number, explain = true): RuleOutcome {
  const { r4 } = dataset.methodology;
  const share = contextOf(dataset, school.id, year)?.continuationShare9to10 ?? null;
  if (share === null) {
    return emptyOutcome('R4', year, r4.minContinuationPercent, CONTEXT_SOURCE, say(explain, () => `Нет данных о переходе выпускников 9 класса в 10 класс за ${year} год.`));
  }
  const fired = greaterThan(r4.minContinuationPercent, share);
  const sentence = say(explain, () => `В 10 класс перешли ${fmtPercent(share)} выпускников 9 класса; порог — не менее ${fmtPercent(r4.minContinuationPercent)}.`);
  const detail: RuleDetail = { status: fired ? 'fired' : 'not_fired', year, value: share, reference: null };
  return { rule: 'R4', status: detail.status, year, value: share, reference: null, threshold: r4.minContinuationPercent, source: CONTEXT_SOURCE, sentence, details: [detail] };
}

/** The R5 sentence: each judged year's participants of its pupils, and the share over those years. */
function describeR5(judged: readonly { year: number; olympiad: number; pupils: number }[], first: number, year: number, missing: readonly number[], share: number, minPercent: number): string {
  const byYear = judged.map((j) => `${j.year} — ${fmt(j.olympiad)} из ${count(j.pupils, PUPILS)}`).join('; ');
  const years = judged.length === 1 ? `${judged[0]!.year} год` : `${period(first, year)}${gaps(missing)}`;
  return `Участие в региональных и всероссийских олимпиадах за ${years}: ${byYear}. Доля участников среди обучающихся за ${judged.length === 1 ? 'год' : 'эти годы'} — ${fmtPercent(share)}; порог — не менее ${fmtPercent(minPercent)}.`;
}

/** R5: under the threshold share of pupils took part in regional and national olympiads over the last years. */
export function ruleR5(dataset: Dataset, school: School, year: number, explain = true): RuleOutcome {
  const { r5 } = dataset.methodology;
  const first = year - r5.years + 1;
  let olympiad = 0;
  let pupils = 0;
  const details: RuleDetail[] = [];
  const judged: { year: number; olympiad: number; pupils: number }[] = [];
  const missing: number[] = [];
  for (let y = first; y <= year; y++) {
    const ctx = contextOf(dataset, school.id, y);
    const o = ctx?.olympiadParticipants ?? null;
    const p = ctx?.pupils ?? null;
    if (o === null || p === null || p <= 0) {
      missing.push(y);
      continue;
    }
    olympiad += o;
    pupils += p;
    if (explain) judged.push({ year: y, olympiad: o, pupils: p });
    details.push({ status: 'not_fired', year: y, participants: p, value: (o * 100) / p, reference: null });
  }
  if (pupils === 0) {
    return emptyOutcome('R5', year, r5.minOlympiadPercent, CONTEXT_SOURCE, say(explain, () => `Нет данных об участии в олимпиадах и числе обучающихся за ${period(first, year)}`));
  }
  // The share of pupils who took part in a year, averaged over the judged years (weighted by the year's pupils):
  // the school's pupils are the same people year after year, so the years' pupil counts are never added up as people.
  const share = (olympiad * 100) / pupils;
  const status: RuleStatus = greaterThan(r5.minOlympiadPercent, share) ? 'fired' : 'not_fired';
  for (const d of details) d.status = status;
  const sentence = say(explain, () => describeR5(judged, first, year, missing, share, r5.minOlympiadPercent));
  return { rule: 'R5', status, year, value: share, reference: null, threshold: r5.minOlympiadPercent, source: CONTEXT_SOURCE, sentence, details };
}

export function emptyOutcome(rule: RuleId, year: number, threshold: number, source: string, sentence: string): RuleOutcome {
  return { rule, status: 'insufficient_data', year, value: null, reference: null, threshold, source, sentence, details: [] };
}

/** Outcome of a rule judged per item: the sentence of every fired item, or of the worst judged one. */
export function summarise(
  rule: RuleId,
  year: number,
  details: RuleDetail[],
  worst: RuleDetail | null,
  threshold: number,
  source: string,
  noDataSentence: string,
): RuleOutcome {
  const status = combineStatus(details);
  if (status === 'insufficient_data' || !worst) {
    const reasons = details.map((d) => d.sentence ?? '').join(' ').trim();
    return { ...emptyOutcome(rule, year, threshold, source, reasons || noDataSentence), details };
  }
  const fired = details.filter((d) => d.status === 'fired');
  const sentence = (status === 'fired' ? fired : [worst]).map((d) => d.sentence ?? '').join(' ').trim();
  return { rule, status, year, value: worst.value, reference: worst.reference, threshold, source, sentence, details };
}
