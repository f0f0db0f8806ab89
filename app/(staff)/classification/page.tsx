import type { Metadata } from 'next';
import Link from 'next/link';
import { CategoryCounts } from '@/components/classification/CategoryCounts';
import { resultColumns, resultFilters, resultRows } from '@/components/classification/results-table';
import { RunForm } from '@/components/classification/RunForm';
import { RunList } from '@/components/classification/RunList';
import { runScatter } from '@/components/classification/scatter';
import { PageHeader } from '@/components/shell/PageHeader';
import { Chart } from '@/components/ui/Chart';
import { DataTable } from '@/components/ui/DataTable';
import { DownloadLinks } from '@/components/ui/DownloadLinks';
import { can } from '@/lib/auth/policy';
import { runConfirmation } from '@/lib/classification/run-confirmation';
import { CATEGORY_NAMES, type Category } from '@/lib/classification';
import { requireActor } from '@/lib/auth/session';
import { availableYears, getMethodology, getRun, listRuns } from '@/lib/classification/queries';
import { listOrganisations } from '@/lib/organisations/queries';
import { orNotFound, requireRight } from '@/lib/page-guard';
import { publishRunAction, runClassificationAction } from './actions';

export const metadata: Metadata = { title: 'Классификация школ' };

const linkButton = 'rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium text-slate-900 no-underline hover:bg-slate-100';

export default async function ClassificationPage({ searchParams }: { searchParams: Promise<{ run?: string; category?: string; created?: string }> }) {
  const actor = await requireActor();
  requireRight(actor, 'classification.read');
  const { run: requested, category, created } = await searchParams;
  // A start-page count opens the table filtered by its category (`?category=low_results`).
  const initialFilters = category && category in CATEGORY_NAMES ? { category: CATEGORY_NAMES[category as Category] } : undefined;
  const [runs, years, municipalities] = await Promise.all([
    listRuns(actor),
    availableYears(actor),
    listOrganisations(actor, { kind: 'municipality' }),
  ]);
  const selectedId = requested ?? runs[0]?.id ?? null;
  const run = selectedId ? await orNotFound(getRun(actor, selectedId)) : null;
  const methodology = run ? await getMethodology(actor, run.methodologyId) : null;
  // The run's own names: the same for every viewer (a school user sees its municipality's name too).
  const municipalityNames = new Map(Object.entries(run?.municipalityNames ?? {}));
  const mayRun = can(actor, 'classification.run');

  return (
    <>
      <PageHeader
        title="Классификация школ"
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Классификация школ' }]}
        actions={
          <>
            <Link href="/classification/methodologies" className={linkButton}>
              Методики
            </Link>
            <Link href="/classification/rating" className={linkButton}>
              Рейтинг
            </Link>
            {mayRun && (
              <>
                <Link href="/classification/data" className={linkButton}>
                  Данные школ
                </Link>
                <Link href="/classification/import/assessments" className={linkButton}>
                  Импорт результатов
                </Link>
                <Link href="/classification/import/contexts" className={linkButton}>
                  Импорт социальных данных
                </Link>
              </>
            )}
          </>
        }
      >
        <p>
          Какие школы относятся к ШНОР и ШНСУ, почему, и что изменило бы решение. Каждый расчёт хранит версию методики и отпечаток
          исходных данных: повторный расчёт на тех же данных даёт тот же результат.
        </p>
      </PageHeader>

      <div className="space-y-8">
        {run && created === '1' && (
          <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="run-confirmation">
            {runConfirmation(run)}
          </p>
        )}
        {mayRun &&
          (years.length > 0 ? (
            <RunForm action={runClassificationAction} years={years} municipalities={municipalities.map((m) => ({ value: m.id, label: m.shortName ?? m.name }))} />
          ) : (
            <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              Нет данных для расчёта: сначала импортируйте результаты оценочных процедур.
            </p>
          ))}

        <section aria-labelledby="runs-heading" className="space-y-3">
          <h2 id="runs-heading" className="text-lg font-semibold">
            Расчёты
          </h2>
          <RunList runs={runs} selectedId={run?.id ?? null} publishAction={mayRun ? publishRunAction : undefined} />
        </section>

        {run && (
          <section aria-labelledby="results-heading" className="space-y-4">
            <h2 id="results-heading" className="text-lg font-semibold">
              Результаты {run.year} года: {run.methodologyName}, версия {run.methodologyVersion}
            </h2>
            <CategoryCounts
              counts={run.counts}
              label={run.municipalityId === null ? 'Все школы региона в расчёте' : `Все школы расчёта по муниципалитету ${municipalityNames.get(run.municipalityId) ?? ''}`.trim()}
              total={run.schoolCount}
              visible={run.schools.length}
            />
            <DownloadLinks href={`/api/v1/classification/runs/${run.id}/export`} label="Выгрузить результаты" />
            {methodology && <Chart spec={runScatter(run.schools, methodology.params.r1.gapPoints, run.disadvantagedCut)} />}
            <DataTable
              caption={`Школы: результаты классификации ${run.year} года`}
              columns={resultColumns(methodology?.params.weights)}
              rows={resultRows(run.id, run.schools, municipalityNames)}
              filters={resultFilters(run.schools, municipalityNames)}
              searchLabel="Поиск школы"
              emptyText="Нет школ с такими условиями."
              initialFilters={initialFilters}
            />
          </section>
        )}
      </div>
    </>
  );
}
