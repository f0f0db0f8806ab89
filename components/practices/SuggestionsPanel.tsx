import Link from 'next/link';
import { Panel } from '@/components/ui/Panel';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { practicesForSchool } from '@/lib/practices/queries';

/**
 * «Практики для ваших рисков» on a school's card: published practices addressing the school's risk factors (from
 * its latest classification), ranked by lib/practices/suggest.ts, each with the reason it was suggested.
 */
export async function SuggestionsPanel({
  actor,
  schoolId,
  riskFactors,
  riskYear,
  cluster,
}: {
  actor: Actor;
  schoolId: string;
  riskFactors: string[];
  /** The year of the run the risk factors come from. */
  riskYear: number | null;
  cluster: number | null;
}) {
  if (!can(actor, 'practice.read')) return null;
  const suggestions = await practicesForSchool(actor, schoolId, { riskFactors, cluster });
  return (
    <Panel id="practices-for-risks-title" title="Практики для ваших рисков">
      {riskFactors.length === 0 ? (
        <p className="text-sm">Факторы риска школы не определены: подборка появится после расчёта классификации.</p>
      ) : suggestions.length === 0 ? (
        <p className="text-sm">В банке пока нет опубликованных практик по рискам школы: {riskFactors.join('; ')}.</p>
      ) : (
        <>
        {riskYear !== null && <p className="mb-2 text-sm text-slate-700">По факторам риска расчёта {riskYear} года.</p>}
        <ol className="space-y-2 text-sm">
          {suggestions.map((s) => (
            <li key={s.id}>
              <Link href={`/practices/${s.id}`}>{s.title}</Link>
              <p className="text-slate-700">{s.reason}</p>
            </li>
          ))}
        </ol>
        </>
      )}
    </Panel>
  );
}
