/** Read-only view of a methodology's parameters (active and archived versions, and readers without rights). */
import type { Methodology } from '@/lib/classification/methodology';
import { SOCIAL_VARIABLE_NAMES } from '@/lib/classification/methodology';
import { formatNumber } from '@/lib/format/ru';
import { examSubjectName } from './labels';
import { NUMBER_GROUPS, valueAt } from './methodology-fields';

export function MethodologyParams({ params }: { params: Methodology }) {
  return (
    <div className="space-y-4">
      <section aria-labelledby="judged-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="judged-heading" className="font-semibold">Оцениваемые экзамены и предметы</h2>
        <p className="mt-1 text-sm">{params.judged.map((j) => examSubjectName(j.exam, j.subject)).join('; ')}</p>
        <p className="mt-1 text-sm">R3 два года подряд: {params.r3.consecutiveYears ? 'да' : 'нет'}</p>
      </section>
      {NUMBER_GROUPS.map((group) => (
        <section key={group.title} className="rounded border border-slate-200 bg-white p-4" aria-label={group.title}>
          <h2 className="font-semibold">{group.title}</h2>
          <dl className="mt-2 grid grid-cols-[1fr_max-content] gap-x-4 gap-y-1 text-sm md:grid-cols-[1fr_max-content_1fr_max-content]">
            {group.fields.map((f) => (
              <div key={f.path} className="contents">
                <dt className="text-slate-700">{f.label}</dt>
                <dd className="font-medium">{formatNumber(valueAt(params, f.path) as number)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <section aria-labelledby="social-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="social-heading" className="font-semibold">Переменные социального индекса</h2>
        <ul className="mt-2 list-disc pl-5 text-sm">
          {params.social.variables.map((v) => (
            <li key={v.variable}>
              {SOCIAL_VARIABLE_NAMES[v.variable]}: вес {formatNumber(v.weight)}, {v.sign === 1 ? 'больше — неблагополучнее' : 'больше — благополучнее'}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
