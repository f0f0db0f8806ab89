import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HistoryPanel } from '@/components/history/HistoryPanel';
import { PageHeader } from '@/components/shell/PageHeader';
import { entityHistory } from '@/lib/audit/queries';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { orNotFound } from '@/lib/page-guard';
import { formatNumber } from '@/lib/format/ru';
import { getOrganisation } from '@/lib/organisations/queries';
import { organisationScope } from '@/lib/organisations/scope';
import { SETTLEMENT_LABELS } from '@/lib/organisations/schemas';

export const metadata: Metadata = { title: 'Карточка школы' };

export default async function SchoolPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const school = await orNotFound(getOrganisation(actor, id));
  if (school.kind !== 'school') notFound();
  const history = await entityHistory(actor, 'organisation', school.id);
  const facts: [string, string | null][] = [
    ['Полное наименование', school.name],
    ['ОГРН', school.ogrn],
    ['ИНН', school.inn],
    ['Адрес', school.address],
    ['Местность', school.settlement ? SETTLEMENT_LABELS[school.settlement] : null],
    ['Расстояние до центра', school.distanceKm !== null ? `${formatNumber(school.distanceKm)} км` : null],
    ['Обучающихся', school.pupils !== null ? formatNumber(school.pupils) : null],
  ];
  return (
    <>
      <PageHeader
        title={school.shortName ?? school.name}
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Школы', href: '/schools' }, { label: school.shortName ?? school.name }]}
        actions={
          can(actor, 'organisation.write', organisationScope(school)) ? (
            <Link href={`/admin/organisations/${school.id}`} className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white no-underline">
              Редактировать
            </Link>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 rounded border border-slate-200 bg-white p-4 text-sm">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-700">{label}</dt>
              <dd>{value ?? '—'}</dd>
            </div>
          ))}
        </dl>
        <HistoryPanel rows={history} />
      </div>
    </>
  );
}
