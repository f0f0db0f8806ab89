import type { Metadata } from 'next';
import { HistoryPanel } from '@/components/history/HistoryPanel';
import { PageHeader } from '@/components/shell/PageHeader';
import { entityHistory } from '@/lib/audit/queries';
import { requireActor } from '@/lib/auth/session';
import { orNotFound, pageParams, requireRight } from '@/lib/page-guard';
import { getOrganisation } from '@/lib/organisations/queries';
import { organisationScope } from '@/lib/organisations/scope';
import { KIND_LABELS } from '@/lib/organisations/schemas';
import { setOrganisationActiveAction, updateOrganisationAction } from '../actions';
import { ActiveToggle } from '@/components/ui/ActiveToggle';
import { OrganisationForm } from '../OrganisationForm';

export const metadata: Metadata = { title: 'Организация' };

export default async function OrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const actor = await requireActor();
  const org = await orNotFound(getOrganisation(actor, id));
  requireRight(actor, 'organisation.write', organisationScope(org));
  const history = await entityHistory(actor, 'organisation', org.id);
  return (
    <>
      <PageHeader
        title={org.shortName ?? org.name}
        crumbs={[
          { label: 'Главная', href: '/' },
          { label: 'Администрирование', href: '/admin' },
          { label: 'Организации', href: '/admin/organisations' },
          { label: org.shortName ?? org.name },
        ]}
      >
        <p>
          {KIND_LABELS[org.kind]}
          {org.isActive ? '' : ' · отключена'}
        </p>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-4">
          <OrganisationForm action={updateOrganisationAction} values={{ ...org, id: org.id, version: org.version }} />
          <ActiveToggle
            action={setOrganisationActiveAction}
            id={org.id}
            version={org.version}
            active={org.isActive}
            labels={{ deactivate: 'Отключить организацию', activate: 'Включить организацию' }}
          />
        </div>
        <HistoryPanel rows={history} />
      </div>
    </>
  );
}
