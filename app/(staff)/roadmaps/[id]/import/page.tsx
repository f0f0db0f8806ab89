import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RoadmapTabs } from '@/components/roadmaps/RoadmapTabs';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { orNotFound, pageParams } from '@/lib/page-guard';
import { getRoadmap } from '@/lib/roadmaps/queries';
import { templateHref } from '@/lib/templates';
import { ImportWizard } from './ImportWizard';

export const metadata: Metadata = { title: 'Импорт таблицы дорожной карты' };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const actor = await requireActor();
  const { roadmap, permissions } = await orNotFound(getRoadmap(actor, id));
  if (!permissions.canEdit) notFound();
  return (
    <>
      <PageHeader
        title="Импорт таблицы"
        crumbs={[
          { label: 'Главная', href: '/' },
          { label: 'Дорожные карты', href: '/roadmaps' },
          { label: roadmap.title, href: `/roadmaps/${roadmap.id}` },
          { label: 'Импорт' },
        ]}
      >
        <p>
          Скопируйте таблицу мероприятий из Word или Excel и вставьте её ниже или загрузите файл. Строки с одним заполненным столбцом станут
          разделами, продолжения строк с переноса страницы присоединятся к строке выше. Повторный импорт той же таблицы не создаёт дублей; если
          есть ошибки, ничего не записывается.
        </p>
        <p className="mt-1">
          <a href={templateHref('roadmap')} download className="underline">
            Скачать шаблон таблицы (XLSX)
          </a>{' '}
          — столбцы, которые распознаёт импорт, и пример разделов и мероприятий.
        </p>
      </PageHeader>
      <RoadmapTabs roadmapId={roadmap.id} current="import" canImport />
      <ImportWizard roadmapId={roadmap.id} />
    </>
  );
}
