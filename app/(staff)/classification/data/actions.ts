'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions';
import { upsertAssessmentResult, upsertSchoolContext } from '@/lib/classification/queries';
import { assessmentResultSchema, schoolContextSchema } from '@/lib/classification/schemas';

const PAGE = '/classification/data';

export const saveResultAction = formAction(assessmentResultSchema, async (input, actor) => {
  const saved = await upsertAssessmentResult(actor, input);
  revalidatePath(PAGE);
  if (input.version !== undefined) return 'Результат сохранён.';
  return saved.version > 1 ? 'Такой результат уже был (тот же экзамен, предмет и класс): он обновлён.' : 'Результат добавлен.';
});

export const saveContextAction = formAction(schoolContextSchema, async (input, actor) => {
  await upsertSchoolContext(actor, input);
  revalidatePath(PAGE);
  return 'Социальные данные сохранены.';
});
