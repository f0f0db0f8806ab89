import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { requireRight } from '@/lib/page-guard';
import { listOrganisations } from '@/lib/organisations/queries';
import { KIND_LABELS } from '@/lib/organisations/schemas';
import { createOrganisationAction } from '../actions';
import { OrganisationForm } from '../OrganisationForm';

export const metadata: Metadata = { title: 'Новая организация' };

export default async function NewOrganisationPage() {
  const actor = await requireActor();
  requireRight(actor, 'organisation.write');
  const parents = (await listOrganisations(actor, {})).filter((o) => o.kind === 'region' || o.kind === 'municipality');
  return (
    <>
      <PageHeader
        title="Новая организация"
        crumbs={[
          { label: 'Главная', href: '/' },
          { label: 'Администрирование', href: '/admin' },
          { label: 'Организации', href: '/admin/organisations' },
          { label: 'Новая' },
        ]}
      />
      <OrganisationForm
        action={createOrganisationAction}
        kinds={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
        parents={parents.map((p) => ({ value: p.id, label: `${p.name} (${KIND_LABELS[p.kind]})` }))}
        values={{ kind: 'school', name: '', shortName: null, ogrn: null, inn: null, address: null, settlement: null, distanceKm: null, pupils: null, aliases: [] }}
      />
    </>
  );
}
