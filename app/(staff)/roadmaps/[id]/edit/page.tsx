import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HistoryPanel } from '@/components/history/HistoryPanel';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { orNotFound, pageParams } from '@/lib/page-guard';
import { getRoadmap, roadmapHistory } from '@/lib/roadmaps/queries';
import { ROADMAP_STATUS_LABELS } from '@/lib/roadmaps/schemas';
import { ROADMAP_FIELD_LABELS, ROADMAP_VALUE_LABELS } from '@/components/roadmaps/history-labels';
import { deleteRoadmapAction, updateRoadmapAction } from '../../actions';
import { RoadmapForm } from '../../RoadmapForm';
import { DeleteButton } from '../DeleteButton';

export const metadata: Metadata = { title: 'Сведения о дорожной карте' };

const MANUAL_STATUSES = (['draft', 'approved', 'archived'] as const).map((value) => ({ value, label: ROADMAP_STATUS_LABELS[value] }));

export default async function EditRoadmapPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const actor = await requireActor();
  const { roadmap, permissions } = await orNotFound(getRoadmap(actor, id));
  if (!permissions.canEdit) notFound();
  const history = await roadmapHistory(actor, roadmap.id);
  return (
    <>
      <PageHeader
        title="Сведения о дорожной карте"
        crumbs={[
          { label: 'Главная', href: '/' },
          { label: 'Дорожные карты', href: '/roadmaps' },
          { label: roadmap.title, href: `/roadmaps/${roadmap.id}` },
          { label: 'Сведения' },
        ]}
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div>
          <RoadmapForm
            action={updateRoadmapAction}
            values={{ ...roadmap, id: roadmap.id, version: roadmap.version }}
            statuses={roadmap.level === 'school' ? undefined : MANUAL_STATUSES}
          />
          {permissions.canDelete && (
            <DeleteButton action={deleteRoadmapAction} hidden={{ id: roadmap.id, version: roadmap.version }} label="Удалить дорожную карту" />
          )}
        </div>
        <HistoryPanel rows={history} fieldLabels={ROADMAP_FIELD_LABELS} valueLabels={ROADMAP_VALUE_LABELS} />
      </div>
    </>
  );
}
