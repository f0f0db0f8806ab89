/** The smaller parts of a school card: ШНОР summary, distance to exit, risk profile, results, partners, history. */
import Link from 'next/link';
import { CATEGORY_NAMES, type SchoolClassification } from '@/lib/classification/classify';
import type { Category } from '@/lib/classification/classify';
import type { SchoolOverview } from '@/lib/classification/overview';
import { ruleWithName } from '@/lib/classification/rule-names';
import { formatNumber, formatPlace } from '@/lib/format/ru';
import { CATEGORY_BADGES, DECISION_NAMES, examSubjectName } from './labels';

const cell = 'px-2 py-1 text-left align-top';

export function CategoryBadge({ category }: { category: Category }) {
  const name = CATEGORY_NAMES[category];
  return <span className={`rounded px-2 py-0.5 text-sm font-medium ${CATEGORY_BADGES[name]}`}>{name}</span>;
}

/** A full result, or what a compact run stored of it (no sentences). */
type LowResultsView = {
  lowResults: SchoolOverview['lowResults'] & { sentence?: string };
  stable: SchoolOverview['stable'] & { sentence?: string };
};

export function LowResultsSummary({ school }: { school: LowResultsView }) {
  const { lowResults, stable } = school;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="font-medium text-slate-700">ШНОР</dt>
      <dd data-testid="shnor-decision">{DECISION_NAMES[lowResults.decision]}</dd>
      <dt className="font-medium text-slate-700">Сумма весов сработавших правил</dt>
      <dd>
        {formatNumber(lowResults.score)} при пороге {formatNumber(lowResults.threshold)}
        {lowResults.unknownWeight > 0 ? `; без данных — правила с весом ${formatNumber(lowResults.unknownWeight)}` : ''}
      </dd>
      {lowResults.sentence && (
        <>
          <dt className="font-medium text-slate-700">Пояснение</dt>
          <dd>{lowResults.sentence}</dd>
        </>
      )}
      <dt className="font-medium text-slate-700">Устойчиво низкие результаты</dt>
      <dd>
        {DECISION_NAMES[stable.decision]}
        {stable.sentence ? `. ${stable.sentence}` : ''}
      </dd>
    </dl>
  );
}

export function ExitPanel({ school }: { school: SchoolClassification }) {
  const { exit } = school;
  if (!exit) return <p className="text-sm">Школа не в списке ШНОР — расстояние до выхода не считается.</p>;
  return (
    <div className="space-y-2 text-sm" data-testid="exit-plan">
      <p>{exit.sentence}</p>
      {exit.steps.length > 0 && (
        <ul className="list-disc pl-5">
          {exit.steps.map((s) => (
            <li key={`${s.rule}-${s.change}`}>
              {ruleWithName(s.rule)}: {s.change}
            </li>
          ))}
        </ul>
      )}
      {exit.alternatives.length > 0 && (
        <>
          <h3 className="font-semibold">Что остановило бы каждое сработавшее правило</h3>
          <ul className="list-disc pl-5">
            {exit.alternatives.map((s) => (
              <li key={`${s.rule}-${s.change}`}>
                {ruleWithName(s.rule)}: {s.change}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function RiskProfile({ school }: { school: SchoolClassification }) {
  if (school.riskProfile.length === 0) return <p className="text-sm">Факторы риска не выявлены.</p>;
  return (
    <ul className="space-y-2 text-sm">
      {school.riskProfile.map((r) => (
        <li key={r.factor}>
          <p className="font-medium">{r.factor}</p>
          <ul className="list-disc pl-5 text-slate-700">
            {r.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export function SubjectResults({ school }: { school: SchoolClassification }) {
  const { results } = school;
  if (results.subjects.length === 0) return <p className="text-sm">Нет оцениваемых результатов с достаточным числом участников.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="text-left text-slate-700">Оцениваемые предметы, баллы по шкале 0–100</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={cell}>Экзамен, предмет</th>
            <th scope="col" className={cell}>Участников</th>
            <th scope="col" className={cell}>Школа</th>
            <th scope="col" className={cell}>Среднее по муниципалитету</th>
            <th scope="col" className={cell}>Среднее по кластеру</th>
          </tr>
        </thead>
        <tbody>
          {results.subjects.map((s) => (
            <tr key={`${s.exam}-${s.subject}`} className="border-t border-slate-200">
              <th scope="row" className={`${cell} font-normal`}>{examSubjectName(s.exam, s.subject)}</th>
              <td className={cell}>{formatNumber(s.participants)}</td>
              <td className={cell}>{formatNumber(s.score, 1)}</td>
              <td className={cell}>{formatNumber(s.municipalMean, 1)}</td>
              <td className={cell}>{formatNumber(s.clusterMean, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-sm">
        В среднем к муниципалитету: {formatNumber(results.municipalGap, 1)}; к кластеру (с учётом социальных условий):{' '}
        {formatNumber(results.clusterGap, 1)}.
        {school.rating ? ` ${school.rating.of ? formatPlace(school.rating.rankLabel, school.rating.of) : `Место ${school.rating.rankLabel}`} в рейтинге муниципалитета.` : ''}
      </p>
    </div>
  );
}

export function PartnerList({ school, runId }: { school: SchoolClassification; runId: string }) {
  if (school.partners.length === 0) {
    return <p className="text-sm">{school.lowResults.decision === 'yes' ? 'Подходящих школ-партнёров не найдено.' : 'Партнёры подбираются только для ШНОР.'}</p>;
  }
  return (
    <ul className="space-y-2 text-sm" data-testid="partners">
      {school.partners.map((p) => (
        <li key={p.schoolId}>
          <Link href={`/classification/runs/${runId}/schools/${p.schoolId}`}>{p.name}</Link>
          <p className="text-slate-700">{p.reason}</p>
        </li>
      ))}
    </ul>
  );
}

export function CategoryHistory({ history, schoolId, currentRunId }: { history: { year: number; category: Category; runId: string }[]; schoolId: string; currentRunId: string }) {
  if (history.length === 0) return <p className="text-sm">Других лет нет.</p>;
  return (
    <ul className="space-y-1 text-sm" data-testid="history">
      {history.map((h) => (
        <li key={h.runId} className="flex flex-wrap items-center gap-2">
          {h.runId === currentRunId ? (
            <span className="font-medium">{h.year} (этот расчёт)</span>
          ) : (
            <Link href={`/classification/runs/${h.runId}/schools/${schoolId}`}>{h.year}</Link>
          )}
          <CategoryBadge category={h.category} />
        </li>
      ))}
    </ul>
  );
}
