import type { Metadata } from 'next';
import { ActionButton } from '@/components/classification/ActionButton';
import { METHODOLOGY_STATUS_NAMES } from '@/components/classification/labels';
import { MethodologyForm } from '@/components/classification/MethodologyForm';
import { MethodologyParams } from '@/components/classification/MethodologyParams';
import { WhatIfDiffView } from '@/components/classification/WhatIfDiffView';
import { PageHeader } from '@/components/shell/PageHeader';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import type { Actor } from '@/lib/auth/actor';
import { availableYears, getMethodology, previewWhatIf, type MethodologyRow } from '@/lib/classification/queries';
import { AppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format/ru';
import { orNotFound, pageParams, requireRight } from '@/lib/page-guard';
import { activateAction, updateDraftAction } from '../actions';

export const metadata: Metadata = { title: 'Методика классификации' };

async function whatIf(actor: Actor, draftId: string, year: number) {
  try {
    return { diff: await previewWhatIf(actor, { draftId, year }) };
  } catch (error) {
    if (error instanceof AppError && error.code !== 'internal') return { error: error.message };
    throw error;
  }
}

async function WhatIfSection({ actor, methodology, years, year }: { actor: Actor; methodology: MethodologyRow; years: number[]; year: number | null }) {
  const result = year === null ? null : await whatIf(actor, methodology.id, year);
  return (
    <section aria-labelledby="whatif-heading" className="space-y-4 rounded border border-slate-200 bg-white p-4">
      <h2 id="whatif-heading" className="text-lg font-semibold">
        Что изменится по сравнению с действующей методикой
      </h2>
      {years.length === 0 ? (
        <p className="text-sm">Нет данных для сравнения: сначала импортируйте результаты оценочных процедур.</p>
      ) : (
        <form method="get" className="flex flex-wrap items-end gap-3">
          <label htmlFor="whatif-year" className="text-sm font-medium">
            Год данных
            <select id="whatif-year" name="year" defaultValue={String(year ?? years[0])} className="mt-1 block rounded border border-slate-400 px-2 py-1.5">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">
            Показать изменения
          </button>
        </form>
      )}
      {result && 'error' in result && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {result.error}
        </p>
      )}
      {result && 'diff' in result && result.diff && (
        <>
          <WhatIfDiffView diff={result.diff} />
          {can(actor, 'methodology.write') && (
            <ActionButton action={activateAction} values={{ id: methodology.id, version: methodology.version }} label="Сделать действующей" />
          )}
        </>
      )}
    </section>
  );
}

export default async function MethodologyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ year?: string }> }) {
  const [{ id }, { year: yearParam }] = await Promise.all([pageParams(params), searchParams]);
  const actor = await requireActor();
  requireRight(actor, 'classification.read');
  const methodology = await orNotFound(getMethodology(actor, id));
  const editable = methodology.status === 'draft' && can(actor, 'methodology.write');
  const years = methodology.status === 'draft' ? await availableYears(actor) : [];
  const year = yearParam && years.includes(Number(yearParam)) ? Number(yearParam) : null;
  const title = `${methodology.name}, версия ${methodology.versionNumber}`;
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[
          { label: 'Главная', href: '/' },
          { label: 'Классификация школ', href: '/classification' },
          { label: 'Методики', href: '/classification/methodologies' },
          { label: title },
        ]}
      >
        <p>
          Статус: {METHODOLOGY_STATUS_NAMES[methodology.status]}
          {methodology.activatedAt ? `; действует с ${formatDateTime(methodology.activatedAt)}` : ''}.{methodology.note ? ` ${methodology.note}` : ''}
        </p>
      </PageHeader>
      <div className="space-y-6">
        {editable ? (
          <MethodologyForm
            action={updateDraftAction}
            id={methodology.id}
            version={methodology.version}
            name={methodology.name}
            note={methodology.note}
            params={methodology.params}
          />
        ) : (
          <MethodologyParams params={methodology.params} />
        )}
        {methodology.status === 'draft' && <WhatIfSection actor={actor} methodology={methodology} years={years} year={year} />}
      </div>
    </>
  );
}
