'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions';
import { createDecision, deleteDecision, updateDecision } from '@/lib/reports/decisions/queries';
import { createDecisionSchema, deleteDecisionSchema, updateDecisionSchema } from '@/lib/reports/decisions/schemas';

function refresh() {
  revalidatePath('/reports', 'layout');
}

export const createDecisionAction = formAction(createDecisionSchema, async (input, actor) => {
  const created = await createDecision(actor, input);
  refresh();
  redirect(`/reports/decisions/${created.id}/edit?saved=1`);
});

export const updateDecisionAction = formAction(updateDecisionSchema, async (input, actor) => {
  await updateDecision(actor, input);
  refresh();
  return 'Изменения сохранены.';
});

export const deleteDecisionAction = formAction(deleteDecisionSchema, async (input, actor) => {
  await deleteDecision(actor, input);
  refresh();
  redirect('/reports/decisions');
});
