import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { requireRight } from '@/lib/page-guard';
import { savePracticeAction } from '../actions';
import { practiceFormOptions } from '../form-options';
import { PracticeForm } from '../PracticeForm';

export const metadata: Metadata = { title: 'Новая практика' };

export default async function NewPracticePage() {
  const actor = await requireActor();
  requireRight(actor, 'practice.submit');
  const options = await practiceFormOptions(actor);
  return (
    <>
      <PageHeader title="Новая практика" crumbs={[{ label: 'Главная', href: '/' }, { label: 'Банк практик', href: '/practices' }, { label: 'Новая практика' }]}>
        <p>Опишите, что сделала школа и что получилось. Черновик видит только ваша школа; на экспертизу его подаёт школа.</p>
      </PageHeader>
      <PracticeForm
        action={savePracticeAction}
        options={options}
        values={{ title: '', summary: '', problem: '', riskFactors: [], grades: '', subjects: [], body: '', resources: '', costBand: 'none', claimedResults: '', tags: '', startedOn: '', authors: [], roadmapItemIds: [], indicatorIds: [] }}
      />
    </>
  );
}
