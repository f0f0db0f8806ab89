import type { Metadata } from 'next';
import { RoadmapTabs } from '@/components/roadmaps/RoadmapTabs';
import { sectionTitle } from '@/components/roadmaps/labels';
import { Timeline } from '@/components/roadmaps/Timeline';
import { todayIso } from '@/components/roadmaps/timeline';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { formatYears } from '@/lib/roadmaps/deadline-label';
import { orNotFound, pageParams } from '@/lib/page-guard';
import { getRoadmap } from '@/lib/roadmaps/queries';
import { planFrozen } from '@/lib/roadmaps/review-guard';

export const metadata: Metadata = { title: 'Хронология дорожной карты' };

export default async function TimelinePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const actor = await requireActor();
  const detail = await orNotFound(getRoadmap(actor, id));
  const { roadmap } = detail;
  const sections = detail.sections.map((section) => ({
    title: sectionTitle(section),
    items: section.items.map((item) => ({
      id: item.id,
      number: item.number,
      activity: item.activity,
      href: `/roadmaps/${roadmap.id}/items/${item.id}`,
      deadlineText: item.deadlineText,
      start: item.periodStart,
      end: item.periodEnd,
      status: item.status,
      overdue: item.overdue,
    })),
  }));
  return (
    <>
      <PageHeader
        title={roadmap.title}
        crumbs={[
          { label: 'Главная', href: '/' },
          { label: 'Дорожные карты', href: '/roadmaps' },
          { label: roadmap.title, href: `/roadmaps/${roadmap.id}` },
          { label: 'Хронология' },
        ]}
      >
        <p>Хронология мероприятий за {formatYears(roadmap.periodStartYear, roadmap.periodEndYear)}: каждая полоса — период мероприятия.</p>
      </PageHeader>
      <RoadmapTabs roadmapId={roadmap.id} current="timeline" canImport={detail.permissions.canEdit && !planFrozen(roadmap)} />
      <h2 className="sr-only">Хронология</h2>
      <Timeline sections={sections} startYear={roadmap.periodStartYear} endYear={roadmap.periodEndYear} today={todayIso()} />
    </>
  );
}
