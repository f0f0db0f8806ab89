import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/PageHeader';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { requireRight } from '@/lib/page-guard';
import { listOrganisations } from '@/lib/organisations/queries';
import { organisationScope } from '@/lib/organisations/scope';
import { ROADMAP_LEVEL_LABELS } from '@/lib/roadmaps/schemas';
import { createRoadmapAction } from '../actions';
import { RoadmapForm } from '../RoadmapForm';

export const metadata: Metadata = { title: 'Новая дорожная карта' };

export default async function NewRoadmapPage() {
  const actor = await requireActor();
  requireRight(actor, 'roadmap.write');
  const owners = (await listOrganisations(actor)).filter((org) => can(actor, 'roadmap.write', organisationScope(org)));
  const year = new Date().getFullYear();
  const defaultLevel = actor.scope.level === 'school' ? 'school' : actor.scope.level === 'region' ? 'region' : 'municipality';
  return (
    <>
      <PageHeader
        title="Новая дорожная карта"
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Дорожные карты', href: '/roadmaps' }, { label: 'Новая' }]}
      >
        <p>После создания добавьте разделы и мероприятия вручную или импортируйте таблицу из Word или Excel.</p>
      </PageHeader>
      <RoadmapForm
        action={createRoadmapAction}
        levels={Object.entries(ROADMAP_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
        owners={owners.map((org) => ({ value: org.id, label: org.shortName ?? org.name }))}
        values={{ level: defaultLevel, title: '', periodStartYear: year, periodEndYear: year + 2, approvalDocument: null }}
      />
    </>
  );
}
