import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { getIndicator } from '@/lib/indicators/queries';
import { orNotFound, pageParams } from '@/lib/page-guard';
import { setTargetAction, updateIndicatorAction } from '../../actions';
import { formValues, indicatorFormOptions } from '../../form-options';
import { IndicatorForm, TargetForm } from '../../IndicatorForm';

export const metadata: Metadata = { title: 'Правка показателя' };

export default async function EditIndicatorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const actor = await requireActor();
  const { indicator, canDefine } = await orNotFound(getIndicator(actor, id));
  if (!canDefine) notFound();
  const options = await indicatorFormOptions(actor);
  return (
    <>
      <PageHeader
        title={`Правка показателя ${indicator.code}`}
        crumbs={[
          { label: 'Главная', href: '/' },
          { label: 'Показатели', href: '/indicators' },
          { label: indicator.code, href: `/indicators/${indicator.id}` },
          { label: 'Правка' },
        ]}
      />
      <div className="space-y-6">
        <IndicatorForm action={updateIndicatorAction} values={formValues(indicator)} options={options} />
        <TargetForm action={setTargetAction} indicatorId={indicator.id} />
      </div>
    </>
  );
}
