/** Social conditions of one school: index with each variable's contribution, hard factors, ШНСУ and cluster. */
import type { SchoolClassification } from '@/lib/classification/classify';
import type { SchoolOverview } from '@/lib/classification/overview';
import { MEASURE_DIGITS } from '@/lib/classification/format';
import { formatNumber } from '@/lib/format/ru';
import { DECISION_NAMES } from './labels';

const cell = 'px-2 py-1 text-left align-top';

function hardFactorState(applies: boolean | null): string {
  return applies === null ? 'нет данных' : applies ? 'выполняется' : 'не выполняется';
}

/** A full result, or what a compact run stored of it (no contributions, hard factors or reasons). */
type SocialView = Pick<SchoolOverview, 'cluster'> & {
  social: SchoolOverview['social'] & Partial<Pick<SchoolClassification['social'], 'contributions' | 'hardFactors'>>;
  unfavourable: SchoolOverview['unfavourable'] & Partial<Pick<SchoolClassification['unfavourable'], 'reasons'>>;
};

export function SocialPanel({ school, clusterCount }: { school: SocialView; clusterCount: number | null }) {
  const { social, unfavourable } = school;
  const contributions = [...(social.contributions ?? [])].sort((a, b) => b.z * b.weight - a.z * a.weight);
  const reasons = unfavourable.reasons ?? [];
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium text-slate-700">Социальный индекс</dt>
        <dd>{social.index === null ? 'недостаточно данных' : formatNumber(social.index, MEASURE_DIGITS.socialIndex)}</dd>
        <dt className="font-medium text-slate-700">Переменных с данными</dt>
        <dd>
          {social.variablesUsed} из {social.variablesTotal}
        </dd>
        <dt className="font-medium text-slate-700">Самая неблагополучная четверть</dt>
        <dd>{social.inDisadvantagedQuarter === null ? 'недостаточно данных' : social.inDisadvantagedQuarter ? 'да' : 'нет'}</dd>
        <dt className="font-medium text-slate-700">Кластер</dt>
        <dd>
          {school.cluster === null ? 'не определён' : `${school.cluster}${clusterCount ? ` из ${clusterCount}` : ''}`}
          {clusterCount ? ' (1 — самые благополучные условия)' : ''}
        </dd>
        <dt className="font-medium text-slate-700">ШНСУ</dt>
        <dd data-testid="shnsu-decision">{DECISION_NAMES[unfavourable.decision]}</dd>
      </dl>
      {reasons.length > 0 && (
        <ul className="list-disc pl-5 text-sm">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {contributions.length > 0 && (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="text-left text-slate-700">
              Вклад переменных в индекс: отклонение от среднего по региону (σ; больше нуля — неблагополучнее) и вес
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={cell}>Переменная</th>
                <th scope="col" className={cell}>Значение</th>
                <th scope="col" className={cell}>Отклонение, σ</th>
                <th scope="col" className={cell}>Вес</th>
              </tr>
            </thead>
            <tbody>
              {contributions.map((c) => (
                <tr key={c.variable} className="border-t border-slate-200">
                  <th scope="row" className={`${cell} font-normal`}>{c.name}</th>
                  <td className={cell}>{formatNumber(c.value)}</td>
                  <td className={cell}>{formatNumber(c.z)}</td>
                  <td className={cell}>{formatNumber(c.weight)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {social.hardFactors && (
        <div>
          <h3 className="font-semibold">Жёсткие факторы</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {social.hardFactors.map((f) => (
              <li key={f.factor}>
                <span className="font-medium">{hardFactorState(f.applies)}:</span> {f.sentence}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
