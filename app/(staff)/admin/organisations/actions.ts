'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions';
import { createOrganisation, setOrganisationActive, updateOrganisation } from '@/lib/organisations/queries';
import { createOrganisationSchema, setActiveSchema, updateOrganisationSchema } from '@/lib/organisations/schemas';

export const createOrganisationAction = formAction(createOrganisationSchema, async (input, actor) => {
  const created = await createOrganisation(actor, input);
  revalidatePath('/admin/organisations');
  redirect(`/admin/organisations/${created.id}`);
});

export const updateOrganisationAction = formAction(updateOrganisationSchema, async (input, actor) => {
  await updateOrganisation(actor, input);
  revalidatePath(`/admin/organisations/${input.id}`);
  revalidatePath('/schools');
  return 'Изменения сохранены.';
});

export const setOrganisationActiveAction = formAction(setActiveSchema, async (input, actor) => {
  await setOrganisationActive(actor, input.id, input.active, input.version);
  revalidatePath(`/admin/organisations/${input.id}`);
  return input.active ? 'Организация снова активна.' : 'Организация отключена: она скрыта из списков и открытых страниц.';
});
