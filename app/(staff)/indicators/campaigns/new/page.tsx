import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { campaignFormOptions } from '@/lib/indicators/campaigns/queries';
import { requireRight } from '@/lib/page-guard';
import { createCampaignAction } from '../actions';
import { CampaignForm } from './CampaignForm';

export const metadata: Metadata = { title: 'Новая кампания сбора' };

export default async function NewCampaignPage() {
  const actor = await requireActor();
  requireRight(actor, 'indicator.read');
  const options = await campaignFormOptions(actor);
  if (options.asking.length === 0) notFound();
  return (
    <>
      <PageHeader
        title="Новая кампания сбора"
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Показатели', href: '/indicators' }, { label: 'Кампании сбора', href: '/indicators/campaigns' }, { label: 'Новая' }]}
      >
        <p>Запрашиваются все действующие организации уровня ниже. Опоздавшие увидят напоминание на своей стартовой странице.</p>
      </PageHeader>
      <CampaignForm action={createCampaignAction} asking={options.asking} indicators={options.indicators} year={new Date().getFullYear()} />
    </>
  );
}
