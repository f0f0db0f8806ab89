'use client';

import { useActionState } from 'react';
import { Field, formKey, FormStatus, Select, SubmitButton, TextInput } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

/** A new draft as a copy of the active methodology (or of a chosen version). */
export function CreateDraftForm({
  action,
  sources,
  defaultSourceId,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  sources: { value: string; label: string }[];
  defaultSourceId: string | undefined;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-3 rounded border border-slate-200 bg-white p-4" noValidate>
      <h2 className="text-lg font-semibold">Новый черновик</h2>
      <FormStatus state={state} />
      <div className="grid gap-3 md:grid-cols-3">
        <Field name="name" label="Название" state={state}>
          <TextInput name="name" state={state} defaultValue="" />
        </Field>
        <Field name="fromId" label="Копия методики" state={state}>
          <Select name="fromId" state={state} options={sources} defaultValue={defaultSourceId} />
        </Field>
        <Field name="note" label="Примечание" state={state}>
          <TextInput name="note" state={state} defaultValue="" />
        </Field>
      </div>
      <SubmitButton>Создать черновик</SubmitButton>
    </form>
  );
}
