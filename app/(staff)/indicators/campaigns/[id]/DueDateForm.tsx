'use client';

import { useActionState } from 'react';
import { Field, formKey, FormStatus, SubmitButton, TextInput } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** «Перенести срок»: a new due date with the version read (stale — the 409 message). */
export function DueDateForm({ action, id, version, dueDate }: { action: Action; id: string; version: number; dueDate: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Field name="dueDate" label="Новый срок представления" state={state}>
        <TextInput name="dueDate" type="date" state={state} defaultValue={dueDate} required />
      </Field>
      <SubmitButton variant="secondary">Перенести срок</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
