/** Every rule of one school: fired / not fired / insufficient data, with value, reference, threshold, year, source. */
import type { RuleOverview } from '@/lib/classification/overview';
import type { RuleDetail, RuleId, RuleOutcome } from '@/lib/classification/types';
import { formatNumber, plural } from '@/lib/format/ru';
import { examSubjectName, RULE_NAMES, RULE_STATUS_BADGES, RULE_STATUS_NAMES } from './labels';

const POINTS = ['балл', 'балла', 'баллов'] as const;

/** A full rule outcome, or only what a compact run stored of it (no sentence, source or details). */
export type RuleView = RuleOverview & Partial<Pick<RuleOutcome, 'sentence' | 'source' | 'details'>>;

/** R1 compares scores and its threshold is a gap in points; the other rules compare shares in percent. */
function withUnit(rule: RuleId, value: number | null, isThreshold = false): string {
  if (value === null) return '—';
  if (rule !== 'R1') return `${formatNumber(value)}%`;
  return isThreshold ? `${formatNumber(value)} ${plural(value, POINTS)}` : formatNumber(value);
}

export function StatusBadge({ status }: { status: RuleOutcome['status'] }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${RULE_STATUS_BADGES[status]}`}>{RULE_STATUS_NAMES[status]}</span>;
}

function DetailsTable({ outcome }: { outcome: RuleView }) {
  const details: RuleDetail[] = outcome.details ?? [];
  if (details.length <= 1 && !details[0]?.sentence) return null;
  const cell = 'px-2 py-1 text-left align-top';
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="text-left text-slate-700">Что проверено по правилу {outcome.rule}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={cell}>Экзамен, предмет</th>
            <th scope="col" className={cell}>Год</th>
            <th scope="col" className={cell}>Участников</th>
            <th scope="col" className={cell}>Значение</th>
            <th scope="col" className={cell}>Эталон</th>
            <th scope="col" className={cell}>Итог</th>
            <th scope="col" className={cell}>Пояснение</th>
          </tr>
        </thead>
        <tbody>
          {details.map((d, i) => (
            <tr key={i} className="border-t border-slate-200">
              <td className={cell}>{examSubjectName(d.exam, d.subject, d.grade)}</td>
              <td className={cell}>{d.year}</td>
              <td className={cell}>{formatNumber(d.participants)}</td>
              <td className={cell}>{withUnit(outcome.rule, d.value)}</td>
              <td className={cell}>{withUnit(outcome.rule, d.reference)}</td>
              <td className={cell}>
                <StatusBadge status={d.status} />
              </td>
              <td className={cell}>{d.sentence ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RuleCard({ outcome, weight }: { outcome: RuleView; weight: number | undefined }) {
  const facts: [string, string][] = [
    ['Значение школы', withUnit(outcome.rule, outcome.value)],
    ['Эталон', withUnit(outcome.rule, outcome.reference)],
    ['Порог', withUnit(outcome.rule, outcome.threshold, true)],
    ['Год', String(outcome.year)],
    ['Источник', outcome.source ?? '—'],
    ['Вес правила', weight === undefined ? '—' : formatNumber(weight)],
  ];
  return (
    <li className="rounded border border-slate-200 bg-white p-4" data-testid={`rule-${outcome.rule}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">
          {outcome.rule}. {RULE_NAMES[outcome.rule]}
        </h3>
        <StatusBadge status={outcome.status} />
      </div>
      {outcome.sentence && <p className="mt-2">{outcome.sentence}</p>}
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr_max-content_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <DetailsTable outcome={outcome} />
    </li>
  );
}

export function RuleExplanations({ rules, weights }: { rules: readonly RuleView[]; weights: Partial<Record<RuleId, number>> }) {
  return (
    <ul className="space-y-3">
      {rules.map((outcome) => (
        <RuleCard key={outcome.rule} outcome={outcome} weight={weights[outcome.rule]} />
      ))}
    </ul>
  );
}
