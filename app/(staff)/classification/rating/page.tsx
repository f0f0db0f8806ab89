import type { Metadata } from 'next';
import Link from 'next/link';
import { PickerForm } from '@/components/classification/PickerForm';
import { insufficientReason, municipalRatingView, RATING_COLUMNS } from '@/components/classification/rating-table';
import { PageHeader } from '@/components/shell/PageHeader';
import { DataTable } from '@/components/ui/DataTable';
import { requireActor } from '@/lib/auth/session';
import { getMethodology, getRun, listRuns, type RunRow } from '@/lib/classification/queries';
import { ratingFormula } from '@/lib/classification/rating';
import { orNotFound, requireRight } from '@/lib/page-guard';
import { compareRussian } from '@/lib/format/ru';

export const metadata: Metadata = { title: 'Муниципальный рейтинг школ' };

const TITLE = 'Муниципальный рейтинг школ';

function runLabel(run: RunRow): string {
  return `${run.year}: ${run.methodologyName}, версия ${run.methodologyVersion}${run.status === 'published' ? ' (опубликован)' : ' (черновик)'}`;
}

export default async function RatingPage({ searchParams }: { searchParams: Promise<{ run?: string; municipality?: string }> }) {
  const actor = await requireActor();
  requireRight(actor, 'classification.read');
  const params = await searchParams;
  const runs = await listRuns(actor);
  const selectedId = params.run ?? runs[0]?.id;
  const run = selectedId ? await orNotFound(getRun(actor, selectedId)) : null;
  const methodology = run ? await getMethodology(actor, run.methodologyId) : null;
  const names = new Map(Object.entries(run?.municipalityNames ?? {}));
  const inRun = run
    ? [...new Set(run.schools.map((s) => s.municipalityId))]
        .map((id) => ({ value: id, label: names.get(id) ?? 'Муниципалитет без названия' }))
        .sort((a, b) => compareRussian(a.label, b.label))
    : [];
  const municipality = inRun.find((m) => m.value === params.municipality) ?? inRun[0];
  const view = run && municipality ? municipalRatingView(run.id, run.schools, municipality.value) : null;

  return (
    <>
      <PageHeader title={TITLE} crumbs={[{ label: 'Главная', href: '/' }, { label: 'Классификация школ', href: '/classification' }, { label: TITLE }]}>
        <p>Школы муниципалитета по результатам внешних оценочных процедур в расчёте классификации. Формула рейтинга — часть методики.</p>
      </PageHeader>
      {!run || !methodology || !municipality || !view ? (
        <p className="text-sm">
          Расчётов ещё нет. <Link href="/classification" className="underline">Запустите классификацию</Link>, и рейтинг появится здесь.
        </p>
      ) : (
        <div className="space-y-8">
          <PickerForm
            label="Выбор расчёта и муниципалитета"
            submitLabel="Показать"
            selects={[
              { name: 'run', label: 'Расчёт', value: run.id, options: runs.map((r) => ({ value: r.id, label: runLabel(r) })) },
              { name: 'municipality', label: 'Муниципалитет', value: municipality.value, options: inRun },
            ]}
          />
          <section aria-labelledby="formula-heading" className="space-y-2 rounded border border-slate-200 bg-white p-4 text-sm">
            <h2 id="formula-heading" className="text-lg font-semibold">
              Как считается рейтинг
            </h2>
            <p data-testid="rating-formula">{ratingFormula(methodology.params)}</p>
            <p>
              Балл округляется до десятых; школы с одинаковым баллом делят место — оно показано диапазоном, например «3–4». Методика «{methodology.name}»,
              версия {methodology.versionNumber}.
            </p>
          </section>
          <section aria-labelledby="rating-heading" className="space-y-3">
            <h2 id="rating-heading" className="text-lg font-semibold">
              {municipality.label}, {run.year} год
            </h2>
            {view.ties.length > 0 && (
              <p className="text-sm" data-testid="rating-ties">
                Общие места: {view.ties.join(', ')}.
              </p>
            )}
            <DataTable
              caption={`Рейтинг школ: ${municipality.label}, ${run.year}`}
              columns={RATING_COLUMNS}
              rows={view.rows}
              searchLabel="Поиск школы"
              emptyText="Ни у одной школы нет данных для рейтинга."
              pageSize={50}
            />
          </section>
          <section aria-labelledby="insufficient-heading" className="space-y-2">
            <h2 id="insufficient-heading" className="text-lg font-semibold">
              Недостаточно данных для рейтинга
            </h2>
            {view.insufficient.length === 0 ? (
              <p className="text-sm">Среди показанных школ таких нет: у каждой есть рейтинг.</p>
            ) : (
              <ul className="list-disc space-y-1 pl-6 text-sm" data-testid="rating-insufficient">
                {view.insufficient.map((s) => (
                  <li key={s.schoolId}>
                    <Link href={s.href} className="underline">{s.name}</Link> — {insufficientReason(methodology.params)}.
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </>
  );
}
