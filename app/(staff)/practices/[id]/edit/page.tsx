import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { orNotFound, pageParams } from '@/lib/page-guard';
import { getPractice } from '@/lib/practices/queries';
import { savePracticeAction } from '../../actions';
import { practiceFormOptions } from '../../form-options';
import { PracticeForm } from '../../PracticeForm';

export const metadata: Metadata = { title: 'Правка практики' };

export default async function EditPracticePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const actor = await requireActor();
  const detail = await orNotFound(getPractice(actor, id));
  if (!detail.actions.includes('edit')) notFound();
  const p = detail.practice;
  const options = await practiceFormOptions(actor);
  return (
    <>
      <PageHeader title={`Правка: ${p.title}`} crumbs={[{ label: 'Главная', href: '/' }, { label: 'Банк практик', href: '/practices' }, { label: p.title, href: `/practices/${p.id}` }, { label: 'Правка' }]}>
        <p>
          Сохранение создаёт новую версию.
          {p.status === 'published' ? ' Опубликованная версия останется видна, пока новая не пройдёт экспертизу и не будет опубликована.' : ''}
        </p>
      </PageHeader>
      <PracticeForm
        action={savePracticeAction}
        options={{ ...options, schools: [] }}
        values={{
          id: p.id,
          version: p.version,
          title: p.title,
          summary: p.summary,
          problem: p.problem,
          riskFactors: p.riskFactors,
          grades: p.grades,
          subjects: p.subjects,
          body: p.body,
          resources: p.resources,
          costBand: p.costBand,
          claimedResults: p.claimedResults,
          tags: p.tags.join(', '),
          startedOn: p.startedOn ?? '',
          authors: detail.authors,
          roadmapItemIds: detail.roadmapItems.map((i) => i.id),
          indicatorIds: detail.indicators.map((i) => i.id),
        }}
      />
    </>
  );
}
