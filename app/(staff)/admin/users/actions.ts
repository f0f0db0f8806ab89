'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions';
import { createUser, setUserActive, unlockSignIn, updateUser } from '@/lib/users/queries';
import { createUserSchema, setUserActiveSchema, unlockSignInSchema, updateUserSchema } from '@/lib/users/schemas';

export const createUserAction = formAction(createUserSchema, async (input, actor) => {
  const id = await createUser(actor, input);
  revalidatePath('/admin/users');
  redirect(`/admin/users/${id}`);
});

export const updateUserAction = formAction(updateUserSchema, async (input, actor) => {
  await updateUser(actor, input);
  revalidatePath(`/admin/users/${input.id}`);
  return input.password ? 'Сохранено. Пароль изменён, прежние сеансы пользователя завершены.' : 'Сохранено.';
});

export const setUserActiveAction = formAction(setUserActiveSchema, async (input, actor) => {
  await setUserActive(actor, input.id, input.active, input.version);
  revalidatePath(`/admin/users/${input.id}`);
  return input.active ? 'Учётная запись включена.' : 'Учётная запись отключена, её сеансы завершены.';
});

export const unlockSignInAction = formAction(unlockSignInSchema, async (input, actor) => {
  await unlockSignIn(actor, input.id);
  revalidatePath(`/admin/users/${input.id}`);
  return 'Блокировка входа снята: пользователь может войти сразу.';
});
