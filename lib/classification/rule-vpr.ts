/**
 * R3: at least `twoSharePercent` of participants got «2» in at least `minProcedures` ВПР procedures in one year,
 * or (when `consecutiveYears`) in the same procedure — same subject and grade — in this year and the previous one.
 * The outcome's value is the highest share of «2»; its details are the procedures at or over the threshold and
 * those that could not be judged.
 */
import { belowCount, codeNumber, resultsOf, type Dataset } from './dataset';
import { atLeast, count, fmtPercent, PARTICIPANTS, plural } from './format';
import { recentMemo } from './recent';
import { emptyOutcome, say } from './rules';
import { subjectInfo } from './subjects';
import type { AssessmentResult, RuleDetail, RuleOutcome, School } from './types';

export const VPR_SOURCE = 'ФИС ОКО: результаты ВПР';

/** «математика, 5 класс». */
export function procedureName(row: Pick<AssessmentResult, 'subject' | 'grade'>): string {
  const name = subjectInfo(row.subject).name.toLowerCase();
  return row.grade ? `${name}, ${row.grade} класс` : name;
}

/** One number per subject and grade (grades are below 100). */
function procedureKey(row: AssessmentResult): number {
  return codeNumber(row.subject) * 100 + (row.grade ?? 0);
}

type TwoShares = Map<number, { row: AssessmentResult; share: number }>;

/** Rows arrays belong to one dataset, and so to one methodology: the rows alone identify the value. */
const recentShares = recentMemo<readonly AssessmentResult[], TwoShares>(4);

/** Share of «2» in % for each judged ВПР procedure of the year, keyed by procedure. */
export function vprTwoShares(dataset: Dataset, school: School, year: number): TwoShares {
  const rows = resultsOf(dataset, school.id, year);
  return recentShares(rows, () => {
    const shares: TwoShares = new Map();
    for (const row of rows) {
      if (row.exam !== 'VPR' || row.participants < dataset.methodology.minParticipants) continue;
      const twos = belowCount(row);
      if (twos === null) continue;
      shares.set(procedureKey(row), { row, share: (twos * 100) / row.participants });
    }
    return shares;
  });
}

export function ruleR3(dataset: Dataset, school: School, year: number, explain = true): RuleOutcome {
  const { r3, minParticipants } = dataset.methodology;
  const current = vprTwoShares(dataset, school, year);
  const previous = r3.consecutiveYears ? vprTwoShares(dataset, school, year - 1) : new Map();
  const details: RuleDetail[] = [];
  const high: RuleDetail[] = [];
  const repeated: string[] = [];
  let repeatedCount = 0;
  let judgedCount = 0;
  let highestShare = -1;
  for (const row of resultsOf(dataset, school.id, year)) {
    if (row.exam !== 'VPR') continue;
    const judged = current.get(procedureKey(row));
    if (!judged) {
      details.push({ status: 'insufficient_data', exam: 'VPR', subject: row.subject, grade: row.grade ?? null, year, participants: row.participants, value: null, reference: null, sentence: say(explain, () => `ВПР (${procedureName(row)}): ${row.participants < minParticipants ? `${count(row.participants, PARTICIPANTS)} — меньше ${minParticipants}` : 'нет данных об отметках «2»'}, результат не оценивается.`) });
      continue;
    }
    const over = atLeast(judged.share, r3.twoSharePercent);
    const before = previous.get(procedureKey(row));
    const twice = over && before !== undefined && atLeast(before.share, r3.twoSharePercent);
    judgedCount += 1;
    highestShare = Math.max(highestShare, judged.share);
    // Only procedures at or over the threshold become details: a national run has millions of the others.
    if (over) {
      const detail: RuleDetail = { status: 'not_fired', exam: 'VPR', subject: row.subject, grade: row.grade ?? null, year, participants: row.participants, value: judged.share, reference: before?.share ?? null };
      details.push(detail);
      high.push(detail);
    }
    if (twice) repeatedCount += 1;
    if (twice && explain) repeated.push(`${procedureName(row)}: ${year - 1} — ${fmtPercent(before.share)}, ${year} — ${fmtPercent(judged.share)}`);
  }
  if (judgedCount === 0) {
    const reasons = details.map((d) => d.sentence ?? '').join(' ').trim();
    return { ...emptyOutcome('R3', year, r3.twoSharePercent, VPR_SOURCE, reasons || say(explain, () => `Нет результатов ВПР за ${year} год.`)), details };
  }
  const manyProcedures = high.length >= r3.minProcedures;
  const fired = manyProcedures || repeatedCount > 0;
  for (const d of high) if (fired) d.status = 'fired';
  const status = fired ? 'fired' : 'not_fired';
  if (!explain) return { rule: 'R3', status, year, value: highestShare, reference: null, threshold: r3.twoSharePercent, source: VPR_SOURCE, sentence: '', details };
  const limit = `не менее ${fmtPercent(r3.twoSharePercent)} «2» в ${r3.minProcedures} ${plural(r3.minProcedures, ['процедуре', 'процедурах', 'процедурах'])}${r3.consecutiveYears ? ' или в одной процедуре два года подряд' : ''}`;
  const parts: string[] = [];
  if (high.length > 0) parts.push(`Доля «2» не ниже ${fmtPercent(r3.twoSharePercent)} в ВПР ${year} года: ${high.map((d) => `${procedureName({ subject: d.subject!, grade: d.grade })} — ${fmtPercent(d.value ?? 0)}`).join('; ')}`);
  else parts.push(`Ни в одной процедуре ВПР ${year} года доля «2» не достигла ${fmtPercent(r3.twoSharePercent)} (наибольшая — ${fmtPercent(highestShare)})`);
  if (repeated.length > 0) parts.push(`два года подряд: ${repeated.join('; ')}`);
  else if (high.length > 0 && !manyProcedures) parts.push(`таких процедур ${high.length} — меньше ${r3.minProcedures}${r3.consecutiveYears ? ', и ни одна не повторяется второй год подряд' : ''}`);
  return {
    rule: 'R3',
    status,
    year,
    value: highestShare,
    reference: null,
    threshold: r3.twoSharePercent,
    source: VPR_SOURCE,
    sentence: `${parts.join('; ')}; порог — ${limit}.`,
    details,
  };
}
