'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions';
import {
  addProgressReport,
  approveRoadmap,
  commentOnReview,
  createItem,
  createRoadmap,
  createSection,
  updateSection,
  deleteItem,
  deleteRoadmap,
  returnRoadmap,
  setItemsStatus,
  submitRoadmap,
  updateItem,
  updateRoadmap,
} from '@/lib/roadmaps/queries';
import {
  approveRoadmapSchema,
  createItemSchema,
  createRoadmapSchema,
  createSectionSchema,
  updateSectionSchema,
  deleteSchema,
  evidenceUploadsFromForm,
  progressReportSchema,
  returnRoadmapSchema,
  reviewCommentSchema,
  setItemsStatusSchema,
  submitRoadmapSchema,
  updateItemSchema,
  updateRoadmapSchema,
} from '@/lib/roadmaps/schemas';

/** Every road-map page shows progress and status, so a write refreshes the whole section. */
function refresh() {
  revalidatePath('/roadmaps', 'layout');
}

export const createRoadmapAction = formAction(createRoadmapSchema, async (input, actor) => {
  const created = await createRoadmap(actor, input);
  refresh();
  redirect(`/roadmaps/${created.id}`);
});

export const updateRoadmapAction = formAction(updateRoadmapSchema, async (input, actor) => {
  await updateRoadmap(actor, input);
  refresh();
  return 'Изменения сохранены.';
});

export const deleteRoadmapAction = formAction(deleteSchema, async (input, actor) => {
  await deleteRoadmap(actor, input.id, input.version);
  refresh();
  redirect('/roadmaps');
});

export const createSectionAction = formAction(createSectionSchema, async (input, actor) => {
  await createSection(actor, input);
  refresh();
  return 'Раздел добавлен.';
});

export const updateSectionAction = formAction(updateSectionSchema, async (input, actor) => {
  await updateSection(actor, input);
  refresh();
  return 'Раздел сохранён.';
});

export const createItemAction = formAction(createItemSchema, async (input, actor) => {
  await createItem(actor, input);
  refresh();
  return 'Мероприятие добавлено.';
});

export const updateItemAction = formAction(updateItemSchema, async (input, actor) => {
  await updateItem(actor, input);
  refresh();
  return 'Изменения сохранены.';
});

const deleteItemSchema = deleteSchema.extend({ roadmapId: z.uuid() });

export const deleteItemAction = formAction(deleteItemSchema, async (input, actor) => {
  await deleteItem(actor, input.id, input.version);
  refresh();
  redirect(`/roadmaps/${input.roadmapId}`);
});

/** The bulk form sends one `items` value «id:version» per selected row. */
const bulkStatusFormSchema = z.preprocess((raw) => {
  const form = raw as Record<string, unknown>;
  const items = [form.items ?? []].flat().map((value) => {
    const [id, version] = String(value).split(':');
    return { id, version };
  });
  return { ...form, items };
}, setItemsStatusSchema);

export const setItemsStatusAction = formAction(bulkStatusFormSchema, async (input, actor) => {
  const changed = await setItemsStatus(actor, input);
  refresh();
  return `Статус изменён у мероприятий: ${changed}.`;
});

/** Files are read in the handler (zod parses synchronously); the domain checks their type and size. */
const progressReportFormSchema = progressReportSchema.omit({ files: true }).extend({ files: z.unknown() });

export const addProgressReportAction = formAction(progressReportFormSchema, async (input, actor) => {
  await addProgressReport(actor, { ...input, files: await evidenceUploadsFromForm(input.files) });
  refresh();
  return 'Отчёт о ходе исполнения добавлен.';
});

export const submitRoadmapAction = formAction(submitRoadmapSchema, async (input, actor) => {
  await submitRoadmap(actor, input.roadmapId, input.version, input.text || undefined);
  refresh();
  return 'Дорожная карта отправлена на согласование.';
});

export const approveRoadmapAction = formAction(approveRoadmapSchema, async (input, actor) => {
  await approveRoadmap(actor, input.roadmapId, input.version, input.text || undefined);
  refresh();
  return 'Дорожная карта утверждена.';
});

export const returnRoadmapAction = formAction(returnRoadmapSchema, async (input, actor) => {
  await returnRoadmap(actor, input.roadmapId, input.version, input.text);
  refresh();
  return 'Дорожная карта возвращена на доработку.';
});

export const commentOnReviewAction = formAction(reviewCommentSchema, async (input, actor) => {
  await commentOnReview(actor, input);
  refresh();
  return 'Комментарий добавлен.';
});
