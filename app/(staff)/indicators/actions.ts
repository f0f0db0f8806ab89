'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions';
import { createIndicator, setTarget, updateIndicator } from '@/lib/indicators/queries';
import { createIndicatorSchema, targetSchema, updateIndicatorSchema } from '@/lib/indicators/schemas';

/** The catalogue, the scorecard and every indicator page read the same rows: a write refreshes the section. */
function refresh() {
  revalidatePath('/indicators', 'layout');
}

export const createIndicatorAction = formAction(createIndicatorSchema, async (input, actor) => {
  const created = await createIndicator(actor, input);
  refresh();
  redirect(`/indicators/${created.id}`);
});

export const updateIndicatorAction = formAction(updateIndicatorSchema, async (input, actor) => {
  await updateIndicator(actor, input);
  refresh();
  return 'Изменения сохранены.';
});

export const setTargetAction = formAction(targetSchema, async (input, actor) => {
  const saved = await setTarget(actor, input);
  refresh();
  return saved.kind === 'baseline' ? `Базовое значение ${saved.year} года сохранено.` : `Целевое значение ${saved.year} года сохранено.`;
});
