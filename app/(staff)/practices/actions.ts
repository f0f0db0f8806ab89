'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions';
import { AppError } from '@/lib/errors';
import {
  addAttachments,
  adoptPractice,
  archivePractice,
  assignExpert,
  createPractice,
  decidePractice,
  publishPractice,
  scorePractice,
  submitPractice,
  updatePractice,
} from '@/lib/practices/queries';
import { adoptSchema, assignSchema, decideSchema, practiceFormSchema, scoreFormSchema, stepSchema } from '@/lib/practices/schemas';
import { evidenceUploadsFromForm } from '@/lib/roadmaps/schemas';
import { versionField } from '@/lib/validation';

function refresh() {
  revalidatePath('/practices', 'layout');
  revalidatePath('/public/practices', 'layout');
}

/** One form creates (no id) or edits (id and version) a practice. */
export const savePracticeAction = formAction(practiceFormSchema, async (input, actor) => {
  if (input.id) {
    if (input.version === undefined) throw new AppError('validation', 'Не указана версия записи.');
    await updatePractice(actor, { ...input, id: input.id, version: input.version });
    refresh();
    redirect(`/practices/${input.id}`);
  }
  const created = await createPractice(actor, input);
  refresh();
  redirect(`/practices/${created.id}`);
});

export const submitPracticeAction = formAction(stepSchema, async (input, actor) => {
  await submitPractice(actor, input);
  refresh();
  return 'Практика подана на экспертизу.';
});

export const assignExpertAction = formAction(assignSchema, async (input, actor) => {
  await assignExpert(actor, input);
  refresh();
  return 'Эксперт назначен.';
});

export const scorePracticeAction = formAction(scoreFormSchema, async (input, actor) => {
  await scorePractice(actor, input);
  refresh();
  return 'Экспертиза завершена.';
});

const DECIDED = { accept: 'Практика принята к публикации.', return: 'Практика возвращена на доработку.', reject: 'Практика отклонена.' } as const;

export const decidePracticeAction = formAction(decideSchema, async (input, actor) => {
  await decidePractice(actor, input);
  refresh();
  return DECIDED[input.kind];
});

export const publishPracticeAction = formAction(stepSchema, async (input, actor) => {
  await publishPractice(actor, input);
  refresh();
  return 'Практика опубликована.';
});

export const archivePracticeAction = formAction(stepSchema, async (input, actor) => {
  await archivePractice(actor, input);
  refresh();
  return 'Практика перенесена в архив.';
});

export const adoptPracticeAction = formAction(adoptSchema, async (input, actor) => {
  await adoptPractice(actor, input);
  refresh();
  return 'Отмечено: ваша школа внедряет практику.';
});

/** Files are read in the handler (zod parses synchronously); the domain checks their type and size. */
const attachmentFormSchema = z.object({ id: z.string(), version: versionField, files: z.unknown() });

export const addAttachmentsAction = formAction(attachmentFormSchema, async (input, actor) => {
  const files = await evidenceUploadsFromForm(input.files);
  if (files.length === 0) throw new AppError('validation', 'Файлы: выберите хотя бы один файл.', [{ field: 'files', message: 'Выберите файл' }]);
  await addAttachments(actor, input.id, input.version, files);
  refresh();
  return 'Файлы приложены.';
});
