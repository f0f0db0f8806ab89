import type { Metadata } from 'next';
import { CreateDraftForm } from '@/components/classification/CreateDraftForm';
import { METHODOLOGY_STATUS_NAMES } from '@/components/classification/labels';
import { PageHeader } from '@/components/shell/PageHeader';
import { DataTable } from '@/components/ui/DataTable';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { listMethodologies } from '@/lib/classification/queries';
import { requireRight } from '@/lib/page-guard';
import { createDraftAction } from './actions';

export const metadata: Metadata = { title: 'Методики классификации' };

const STATUS_BADGES = { черновик: 'bg-amber-100 text-amber-900', действующая: 'bg-green-100 text-green-900', 'в архиве': 'bg-slate-200 text-slate-900' };

export default async function MethodologiesPage() {
  const actor = await requireActor();
  requireRight(actor, 'classification.read');
  const methodologies = await listMethodologies(actor);
  const active = methodologies.find((m) => m.status === 'active');
  return (
    <>
      <PageHeader
        title="Методики классификации"
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Классификация школ', href: '/classification' }, { label: 'Методики' }]}
      >
        <p>
          Методика — набор порогов и весов правил. Действующая методика одна; изменения готовятся в черновике, и перед тем как сделать
          его действующим, видно, какие школы войдут в списки ШНОР и ШНСУ и выйдут из них.
        </p>
      </PageHeader>
      <div className="space-y-6">
        {can(actor, 'methodology.write') && (
          <CreateDraftForm
            action={createDraftAction}
            sources={methodologies.map((m) => ({ value: m.id, label: `${m.name}, версия ${m.versionNumber} (${METHODOLOGY_STATUS_NAMES[m.status]})` }))}
            defaultSourceId={active?.id}
          />
        )}
        <DataTable
          caption="Версии методики"
          columns={[
            { key: 'name', header: 'Название', kind: 'link', hrefKey: 'href' },
            { key: 'versionNumber', header: 'Версия', kind: 'number' },
            { key: 'status', header: 'Статус', badges: STATUS_BADGES },
            { key: 'activatedAt', header: 'Действует с', kind: 'date' },
            { key: 'createdAt', header: 'Создана', kind: 'date' },
            { key: 'note', header: 'Примечание' },
          ]}
          rows={methodologies.map((m) => ({
            name: m.name,
            href: `/classification/methodologies/${m.id}`,
            versionNumber: m.versionNumber,
            status: METHODOLOGY_STATUS_NAMES[m.status],
            activatedAt: m.activatedAt?.toISOString() ?? null,
            createdAt: m.createdAt.toISOString(),
            note: m.note,
          }))}
          searchLabel="Поиск методики"
          emptyText="Методик пока нет."
        />
      </div>
    </>
  );
}
