import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/PageHeader';
import { DataTable } from '@/components/ui/DataTable';
import { requireActor } from '@/lib/auth/session';
import { listOrganisations } from '@/lib/organisations/queries';
import { SETTLEMENT_LABELS } from '@/lib/organisations/schemas';
import { compareRussian, endSentence } from '@/lib/format/ru';
import { municipalityNamesOf } from '@/lib/schools/hub';

export const metadata: Metadata = { title: 'Школы' };

export default async function SchoolsPage() {
  const actor = await requireActor();
  const schools = await listOrganisations(actor, { kind: 'school' });
  // Every viewer sees a school's municipality by the same name, a school team too (its scope lists no municipality).
  const municipalityName = await municipalityNamesOf(schools);
  const municipalities = [...new Set(municipalityName.values())].sort(compareRussian);
  const rows = schools.map((s) => ({
    name: s.shortName ?? s.name,
    href: `/schools/${s.id}`,
    municipality: municipalityName.get(s.municipalityId ?? '') ?? '—',
    settlement: s.settlement ? SETTLEMENT_LABELS[s.settlement] : null,
    distanceKm: s.distanceKm,
    pupils: s.pupils,
    ogrn: s.ogrn,
  }));
  return (
    <>
      <PageHeader title="Школы" crumbs={[{ label: 'Главная', href: '/' }, { label: 'Школы' }]}>
        <p>Школы в вашей зоне ответственности: {endSentence(actor.scope.organisationName)}</p>
      </PageHeader>
      <DataTable
        caption="Школы"
        rows={rows}
        columns={[
          { key: 'name', header: 'Школа', kind: 'link', hrefKey: 'href' },
          { key: 'municipality', header: 'Муниципалитет' },
          { key: 'settlement', header: 'Местность' },
          { key: 'distanceKm', header: 'До центра, км', kind: 'number', fractionDigits: 1 },
          { key: 'pupils', header: 'Обучающихся', kind: 'number' },
          { key: 'ogrn', header: 'ОГРН' },
        ]}
        filters={[
          { key: 'municipality', label: 'Муниципалитет', options: municipalities.map((name) => ({ value: name, label: name })) },
          { key: 'settlement', label: 'Местность', options: Object.values(SETTLEMENT_LABELS).map((v) => ({ value: v, label: v })) },
        ]}
        searchLabel="Поиск по названию или ОГРН"
      />
    </>
  );
}
