'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { issuesForForm, paramsFromForm } from '@/components/classification/methodology-fields';
import { formAction } from '@/lib/actions';
import { activateMethodology, createDraftMethodology, updateDraftMethodology } from '@/lib/classification/queries';
import { createDraftSchema } from '@/lib/classification/schemas';
import { AppError } from '@/lib/errors';
import { versionField } from '@/lib/validation';

const LIST = '/classification/methodologies';

export const createDraftAction = formAction(createDraftSchema, async (input, actor) => {
  const draft = await createDraftMethodology(actor, input);
  revalidatePath(LIST);
  redirect(`${LIST}/${draft.id}`);
});

// The parameters arrive as many inputs named by their paths; the loose object keeps them all.
const updateFormSchema = z.looseObject({ id: z.string().uuid(), version: versionField, name: z.string().optional(), note: z.string().optional() });

export const updateDraftAction = formAction(updateFormSchema, async (input, actor) => {
  const params = paramsFromForm(input);
  try {
    await updateDraftMethodology(actor, { id: input.id, version: input.version, name: input.name, note: input.note, params });
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation') throw new AppError('validation', error.message, issuesForForm(error.issues, params));
    throw error;
  }
  revalidatePath(`${LIST}/${input.id}`);
  return 'Черновик сохранён. Проверьте, что изменится, прежде чем сделать его действующим.';
});

export const activateAction = formAction(z.object({ id: z.string().uuid(), version: versionField }), async (input, actor) => {
  await activateMethodology(actor, input.id, input.version);
  revalidatePath(LIST);
  revalidatePath('/classification');
  redirect(`${LIST}/${input.id}`);
});
