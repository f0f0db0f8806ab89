import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { requireRight } from '@/lib/page-guard';
import { createIndicatorAction } from '../actions';
import { EMPTY_VALUES, indicatorFormOptions } from '../form-options';
import { IndicatorForm } from '../IndicatorForm';

export const metadata: Metadata = { title: 'Новый показатель' };

export default async function NewIndicatorPage() {
  const actor = await requireActor();
  requireRight(actor, 'indicator.define');
  const options = await indicatorFormOptions(actor);
  return (
    <>
      <PageHeader title="Новый показатель" crumbs={[{ label: 'Главная', href: '/' }, { label: 'Показатели', href: '/indicators' }, { label: 'Новый' }]}>
        <p>После создания задайте базовое и целевые значения на странице правки показателя.</p>
      </PageHeader>
      <IndicatorForm action={createIndicatorAction} values={EMPTY_VALUES} options={options} />
    </>
  );
}
