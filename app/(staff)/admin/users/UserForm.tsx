'use client';

import { useActionState } from 'react';
import { Field, formKey, FormStatus, Select, SubmitButton, TextInput } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Option = { value: string; label: string };

export function UserForm({
  action,
  roles,
  organisations,
  values,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  roles: Option[];
  organisations: Option[];
  values: { id?: string; version?: number; login: string; name: string; role: string; organisationId: string };
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const editing = Boolean(values.id);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-4 rounded border border-slate-200 bg-white p-4" noValidate>
      <FormStatus state={state} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {values.version !== undefined && <input type="hidden" name="version" value={values.version} />}
      {!editing && (
        <Field name="login" label="Логин" state={state} hint="Обычно адрес электронной почты">
          <TextInput name="login" state={state} defaultValue={values.login} autoComplete="off" />
        </Field>
      )}
      <Field name="name" label="ФИО" state={state}>
        <TextInput name="name" state={state} defaultValue={values.name} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="role" label="Роль" state={state}>
          <Select name="role" state={state} options={roles} defaultValue={values.role} placeholder="— выберите —" />
        </Field>
        <Field name="organisationId" label="Организация" state={state} hint="Определяет, какие данные видит пользователь">
          <Select name="organisationId" state={state} options={organisations} defaultValue={values.organisationId} placeholder="— выберите —" />
        </Field>
      </div>
      <Field name="password" label={editing ? 'Новый пароль (если нужно сменить)' : 'Пароль'} state={state} hint="Не короче 10 символов">
        <TextInput name="password" type="password" state={state} autoComplete="new-password" />
      </Field>
      <SubmitButton>{editing ? 'Сохранить' : 'Создать пользователя'}</SubmitButton>
    </form>
  );
}
