import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { roadmapItems } from '@/db/schema';
import { HistoryPanel } from '@/components/history/HistoryPanel';
import { collapseImports, entityOf, eventSentence, shownChanges } from '@/components/history/present';
import { ROADMAP_FIELD_LABELS, ROADMAP_VALUE_LABELS } from '@/components/roadmaps/history-labels';
import { HIDDEN_NAME, listAudit } from '@/lib/audit/queries';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { organisationScope } from '@/lib/organisations/scope';
import { createRoadmap, importRoadmapTable, itemHistory, updateItem } from '@/lib/roadmaps/queries';
import { createWorld, type World } from './fixtures';

/** The history of an imported item reads as a person's record: no ids, keys or ISO dates. */
let world: World;
let coordinator: Actor;
let roadmapId: string;
let itemId: string;

const TABLE = ['№;Мероприятие;Сроки;Ответственные', '1.;Семинар для учителей;март 2026;УМЦ', '2.;Совещание директоров;май 2026;УО', '3.;Открытые уроки;октябрь 2026;УО'].join('\n');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const HASH = /[0-9a-f]{32,}/i;

function expectReadable(html: string) {
  for (const key of ['importKey', 'roadmapId', 'sectionId', 'periodStart', 'deadlineKind', 'canBeOverdue', 'undefined', 'null']) expect(html).not.toContain(key);
  const text = html.replace(/href="[^"]*"/g, '').replace(/dateTime="[^"]*"/g, '');
  expect(text).not.toMatch(UUID);
  expect(text).not.toMatch(ISO_DATE);
  expect(text).not.toMatch(HASH);
}

beforeAll(async () => {
  world = await createWorld();
  coordinator = world.actor('municipal_coordinator', world.munA);
  const roadmap = await createRoadmap(coordinator, { level: 'municipality', ownerOrganisationId: world.munA.id, title: 'Карта для истории', periodStartYear: 2026, periodEndYear: 2026 });
  roadmapId = roadmap.id;
  const file = { bytes: new TextEncoder().encode(TABLE), filename: 'план мероприятий.csv', mimeType: 'text/csv' };
  await importRoadmapTable(coordinator, roadmapId, { file, dryRun: false });
  const [item] = await getDb().select().from(roadmapItems).where(and(eq(roadmapItems.roadmapId, roadmapId), eq(roadmapItems.number, '1.')));
  itemId = item!.id;
});

describe('history of an imported item', () => {
  it('shows the import as one sentence naming the table, and no internal keys', async () => {
    const rows = await itemHistory(coordinator, itemId);
    const html = renderToStaticMarkup(createElement(HistoryPanel, { rows, fieldLabels: ROADMAP_FIELD_LABELS, valueLabels: ROADMAP_VALUE_LABELS }));
    expect(html).toContain('импортировано из таблицы „план мероприятий.csv“, 3 мероприятия');
    expectReadable(html);
  });

  it('shows a later change with Russian labels, dd.mm.yyyy dates and names instead of ids', async () => {
    const [item] = await getDb().select().from(roadmapItems).where(eq(roadmapItems.id, itemId));
    await updateItem(coordinator, { id: itemId, version: item!.version, periodStart: '2026-03-10', periodEnd: '2026-03-20', status: 'in_progress' });
    const rows = await itemHistory(coordinator, itemId);
    const html = renderToStaticMarkup(createElement(HistoryPanel, { rows, fieldLabels: ROADMAP_FIELD_LABELS, valueLabels: ROADMAP_VALUE_LABELS }));
    expect(html).toContain('Окончание периода: 31.03.2026 → 20.03.2026');
    expect(html).toContain('Статус: запланировано → в работе');
    expectReadable(html);
  });

  it('the audit browser lists the import once, with the road map named and linked', async () => {
    const admin = world.actor('admin', world.region);
    const events = collapseImports(await listAudit(admin, { limit: 1000 })).filter((e) => e.action === 'import' && (e.entityId === roadmapId || e.roadmapId === roadmapId));
    expect(events).toHaveLength(1);
    expect(eventSentence(events[0]!)).toBe('импортировано из таблицы „план мероприятий.csv“, 3 мероприятия');
    expect(entityOf(events[0]!)).toEqual({ kind: 'Дорожная карта', name: 'Карта для истории', href: `/roadmaps/${roadmapId}` });
    const update = (await listAudit(admin, { entityType: 'roadmap_item', entityId: itemId })).find((e) => e.action === 'update')!;
    expect(entityOf(update)).toMatchObject({ kind: 'Мероприятие дорожной карты', name: '1. Семинар для учителей', href: `/roadmaps/${roadmapId}/items/${itemId}` });
    expect(shownChanges(update).map((c) => c.label)).not.toContain('Раздел');
  });
});

describe('names in the history', () => {
  it('names a record the viewer may read, and hides the name of one it may not', async () => {
    // An entry of municipality A pointing at a school and a road map of municipality B.
    const admin = world.actor('admin', world.region);
    const other = await createRoadmap(admin, { level: 'school', ownerOrganisationId: world.schoolB.id, title: 'Карта школы Б', periodStartYear: 2026, periodEndYear: 2026 });
    await recordAudit(getDb(), admin, {
      action: 'update',
      entityType: 'organisation',
      entityId: world.schoolA.id,
      scope: organisationScope(world.schoolA),
      before: { parentId: world.munA.id, roadmapId: roadmapId },
      after: { parentId: world.schoolB.id, roadmapId: other.id },
    });
    const find = async (actor: Actor) => (await listAudit(actor, { entityType: 'organisation', entityId: world.schoolA.id })).find((e) => e.action === 'update')!;
    const inScope = (await find(coordinator)).names;
    expect(inScope[world.schoolA.id]?.name).toBe(world.schoolA.shortName ?? world.schoolA.name);
    expect(inScope[world.munA.id]?.name).toBe(world.munA.shortName ?? world.munA.name);
    expect(inScope[roadmapId]?.name).toBe('Карта для истории');
    expect(inScope[world.schoolB.id]).toEqual(HIDDEN_NAME);
    expect(inScope[other.id]).toEqual(HIDDEN_NAME);
    expect(JSON.stringify(inScope)).not.toContain('Карта школы Б');
    const everywhere = (await find(admin)).names;
    expect(everywhere[world.schoolB.id]?.name).toBe(world.schoolB.shortName ?? world.schoolB.name);
    expect(everywhere[other.id]?.name).toBe('Карта школы Б');
  });
});
