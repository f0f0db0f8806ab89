/**
 * Edits of a school road map under review or approved: under review its plan is frozen (no edit, addition, status
 * mark or deletion); approved, marking progress stays allowed and any change of the plan returns the map to draft
 * with a «reopen» entry, and after resubmission the curator sees what changed since the approval.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import {
  addProgressReport,
  approveRoadmap,
  createItem,
  createRoadmap,
  createSection,
  deleteItem,
  deleteRoadmap,
  getRoadmap,
  importRoadmapTable,
  setItemsStatus,
  submitRoadmap,
  updateItem,
  updateRoadmap,
  updateSection,
} from '@/lib/roadmaps/queries';
import { createWorld, type World } from './fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const failure = async (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);
const team = () => world.actor('school_team', world.schoolA);
const methodologist = () => world.actor('methodologist', world.centerA);

async function submittedMap() {
  const roadmap = await createRoadmap(team(), { level: 'school', ownerOrganisationId: world.schoolA.id, title: 'Программа', periodStartYear: 2025, periodEndYear: 2026 });
  const section = await createSection(team(), { roadmapId: roadmap.id, title: 'Раздел' });
  const first = await createItem(team(), { roadmapId: roadmap.id, sectionId: section.id, activity: 'Педсовет' });
  const second = await createItem(team(), { roadmapId: roadmap.id, sectionId: section.id, activity: 'Семинар' });
  await submitRoadmap(team(), roadmap.id, roadmap.version);
  return { roadmap: (await getRoadmap(team(), roadmap.id)).roadmap, section, first, second };
}

describe('a school road map under review', () => {
  it('refuses every change of its plan — edit, addition, done mark, deletion of an item or of the map, import — with a Russian 409', async () => {
    const { roadmap, section, first } = await submittedMap();
    const attempts = [
      () => updateItem(team(), { id: first.id, version: first.version, activity: 'Педсовет (новый)' }),
      () => setItemsStatus(team(), { roadmapId: roadmap.id, status: 'done', items: [{ id: first.id, version: first.version }] }),
      () => deleteItem(team(), first.id, first.version),
      () => createItem(team(), { roadmapId: roadmap.id, sectionId: section.id, activity: 'Новое' }),
      () => updateSection(team(), { id: section.id, version: section.version, title: 'Другой раздел' }),
      () => createSection(team(), { roadmapId: roadmap.id, title: 'Ещё раздел' }),
      () => updateRoadmap(team(), { id: roadmap.id, version: roadmap.version, title: 'Другая программа' }),
      () => importRoadmapTable(team(), roadmap.id, { text: '№\tМероприятие\tСрок\n1\tНовое мероприятие\tмарт 2026', dryRun: false }),
      () => deleteRoadmap(team(), roadmap.id, roadmap.version),
    ];
    for (const attempt of attempts) {
      const error = await failure(attempt());
      expect(error).toBeInstanceOf(AppError);
      expect(error!.code).toBe('conflict');
      expect(error!.message).toMatch(/на согласовании/);
    }
    const detail = await getRoadmap(team(), roadmap.id);
    expect(detail.roadmap.status).toBe('on_review');
    expect(detail.sections.map((s) => s.title)).toEqual(['Раздел']);
    expect(detail.sections[0]!.items.map((i) => [i.activity, i.status])).toEqual([['Педсовет', 'planned'], ['Семинар', 'planned']]);
    // A progress report is not a change of the plan.
    await addProgressReport(team(), { itemId: first.id, reportedOn: '2025-10-01', text: 'Подготовка идёт', links: [], files: [] });
  });
});

describe('an approved school road map', () => {
  it('takes progress marks as they are, returns to draft on a change of its plan, and shows the curator what changed', async () => {
    const { roadmap, first, second } = await submittedMap();
    await approveRoadmap(methodologist(), roadmap.id, roadmap.version, 'Утверждено');
    expect(await setItemsStatus(team(), { roadmapId: roadmap.id, status: 'done', items: [{ id: first.id, version: first.version }] })).toBe(1);
    expect((await getRoadmap(team(), roadmap.id)).roadmap.status).toBe('approved');

    await updateItem(team(), { id: second.id, version: second.version, activity: 'Семинар для учителей' });
    const reopened = await getRoadmap(team(), roadmap.id);
    expect(reopened.roadmap.status).toBe('draft');
    expect(reopened.review.map((e) => e.kind)).toEqual(['submit', 'approve', 'reopen']);
    expect(reopened.review.at(-1)!.text).toMatch(/^Изменена после утверждения: изменено мероприятие «Семинар»/);
    expect(reopened.permissions.canSubmit).toBe(true);

    await submitRoadmap(team(), roadmap.id, reopened.roadmap.version, 'Уточнили название семинара');
    const forCurator = await getRoadmap(methodologist(), roadmap.id);
    expect(forCurator.roadmap.status).toBe('on_review');
    const changes = forCurator.sinceApproval!.changes;
    expect(changes.map((c) => [c.entityType, c.subject])).toEqual([
      ['roadmap_item', 'Педсовет'],
      ['roadmap_item', 'Семинар для учителей'],
    ]);
    expect(changes[0]!.changes).toEqual([{ field: 'status', before: 'planned', after: 'done' }]);
    expect(changes[1]!.changes).toEqual([{ field: 'activity', before: 'Семинар', after: 'Семинар для учителей' }]);

    await approveRoadmap(methodologist(), roadmap.id, forCurator.roadmap.version);
    const approvedAgain = await getRoadmap(team(), roadmap.id);
    expect(approvedAgain.sinceApproval).toBeNull();
    // Deleting an item of the approved map returns it to draft as well.
    const current = approvedAgain.sections[0]!.items.find((i) => i.id === first.id)!;
    await deleteItem(team(), first.id, current.version);
    expect((await getRoadmap(team(), roadmap.id)).roadmap.status).toBe('draft');
  });
});

describe('an approved school road map and its table', () => {
  it('stays approved when the same table is imported again, and returns to draft when the table changes its plan', async () => {
    const { roadmap } = await submittedMap();
    const table = '№\tМероприятие\tСрок\n1\tКурсы повышения квалификации\tмарт 2026';
    let current = roadmap;
    const approve = async () => {
      await approveRoadmap(methodologist(), roadmap.id, current.version);
      current = (await getRoadmap(team(), roadmap.id)).roadmap;
      expect(current.status).toBe('approved');
    };
    await approve();
    expect((await importRoadmapTable(team(), roadmap.id, { text: table, dryRun: false })).counts.create).toBe(1);
    current = (await getRoadmap(team(), roadmap.id)).roadmap;
    expect(current.status).toBe('draft');
    await submitRoadmap(team(), roadmap.id, current.version);
    current = (await getRoadmap(team(), roadmap.id)).roadmap;
    await approve();

    const again = await importRoadmapTable(team(), roadmap.id, { text: table, dryRun: false });
    expect(again).toMatchObject({ committed: true, counts: { create: 0, update: 0, unchanged: 1 } });
    const after = await getRoadmap(team(), roadmap.id);
    expect(after.roadmap.status).toBe('approved');
    expect(after.review.filter((e) => e.kind === 'reopen')).toHaveLength(1);

    await importRoadmapTable(team(), roadmap.id, { text: `${table}\n2\tОткрытые уроки\tапрель 2026`, dryRun: false });
    expect((await getRoadmap(team(), roadmap.id)).roadmap.status).toBe('draft');
  });
});
