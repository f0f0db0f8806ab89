import type { Metadata } from 'next';
import Link from 'next/link';
import { ContextForm } from '@/components/classification/ContextForm';
import { CONTEXT_FORM_FIELDS, DATA_FIELD_LABELS } from '@/components/classification/data-fields';
import { dataResultRows, DATA_RESULT_COLUMNS, editedResult } from '@/components/classification/data-table';
import { PickerForm } from '@/components/classification/PickerForm';
import { ResultForm } from '@/components/classification/ResultForm';
import { HistoryPanel } from '@/components/history/HistoryPanel';
import { PageHeader } from '@/components/shell/PageHeader';
import { DataTable } from '@/components/ui/DataTable';
import { requireActor } from '@/lib/auth/session';
import { availableYears, dataHistory, getSchoolContext, listAssessmentResults, type SchoolContextRow } from '@/lib/classification/queries';
import { listOrganisations } from '@/lib/organisations/queries';
import { requireRight } from '@/lib/page-guard';
import { saveContextAction, saveResultAction } from './actions';

export const metadata: Metadata = { title: 'Данные школ для классификации' };

const TITLE = 'Данные школ для классификации';

type Search = { school?: string; year?: string; edit?: string };

/** Years with data, and the current one so a new year can be started by hand. */
function yearOptions(years: number[]): number[] {
  return [...new Set([...years, new Date().getFullYear()])].sort((a, b) => b - a);
}

function storedContext(row: SchoolContextRow | null) {
  if (!row) return null;
  const values = Object.fromEntries(CONTEXT_FORM_FIELDS.map((f) => [f.name, row[f.name as keyof SchoolContextRow] as number | boolean | null]));
  return { version: row.version, source: row.source, values };
}

export default async function ClassificationDataPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  requireRight(actor, 'classification.run');
  const params = await searchParams;
  const [schools, years] = await Promise.all([listOrganisations(actor, { kind: 'school' }), availableYears(actor)]);
  const yearList = yearOptions(years);
  const school = schools.find((s) => s.id === params.school) ?? schools[0];
  const year = yearList.includes(Number(params.year)) ? Number(params.year) : yearList[0]!;
  const [results, context] = school
    ? await Promise.all([listAssessmentResults(actor, { schoolId: school.id, year }), getSchoolContext(actor, school.id, year)])
    : [[], null];
  const edited = results.find((r) => r.id === params.edit);
  const [resultHistory, contextHistory] = await Promise.all([
    edited ? dataHistory(actor, 'assessment_result', edited.id) : null,
    context ? dataHistory(actor, 'school_context', context.id) : null,
  ]);
  const base = school ? `/classification/data?school=${school.id}&year=${year}` : '/classification/data';
  const schoolName = school ? (school.shortName ?? school.name) : '';

  return (
    <>
      <PageHeader title={TITLE} crumbs={[{ label: 'Главная', href: '/' }, { label: 'Классификация школ', href: '/classification' }, { label: TITLE }]}>
        <p>
          Результаты оценочных процедур и социальные данные одной школы за год: исправьте значение или добавьте недостающее. Изменения
          попадут в следующий расчёт классификации; уже сохранённые расчёты не меняются.
        </p>
      </PageHeader>
      {!school ? (
        <p className="text-sm">В вашей области нет школ.</p>
      ) : (
        <div className="space-y-8">
          <PickerForm
            label="Выбор школы и года"
            submitLabel="Показать"
            selects={[
              { name: 'school', label: 'Школа', value: school.id, options: schools.map((s) => ({ value: s.id, label: s.shortName ?? s.name })) },
              { name: 'year', label: 'Год', value: String(year), options: yearList.map((y) => ({ value: String(y), label: String(y) })) },
            ]}
          />
          <section aria-labelledby="results-heading" className="space-y-4">
            <h2 id="results-heading" className="text-lg font-semibold">
              Результаты оценочных процедур: {schoolName}, {year}
            </h2>
            <DataTable
              caption={`Результаты ${schoolName} за ${year} год`}
              columns={DATA_RESULT_COLUMNS}
              rows={dataResultRows(results, (id) => `${base}&edit=${id}#result-form-heading`)}
              searchLabel="Поиск по результатам"
              emptyText="Результатов за этот год нет."
            />
            {edited && (
              <p className="text-sm">
                <Link href={base} className="underline">Добавить другой результат</Link>
              </p>
            )}
            <ResultForm key={`${school.id}-${year}-${edited?.id ?? 'new'}`} action={saveResultAction} schoolId={school.id} year={year} edited={edited ? editedResult(edited) : null} />
            {resultHistory && (
              <HistoryPanel rows={resultHistory} fieldLabels={DATA_FIELD_LABELS} title="История изменений результата" headingId="result-history-heading" />
            )}
          </section>
          <section aria-labelledby="context-heading" className="space-y-4">
            <h2 id="context-heading" className="text-lg font-semibold">
              Социальные данные: {schoolName}, {year}
            </h2>
            <ContextForm key={`${school.id}-${year}`} action={saveContextAction} schoolId={school.id} year={year} stored={storedContext(context)} />
            {contextHistory && (
              <HistoryPanel rows={contextHistory} fieldLabels={DATA_FIELD_LABELS} title="История изменений социальных данных" headingId="context-history-heading" />
            )}
          </section>
        </div>
      )}
    </>
  );
}
