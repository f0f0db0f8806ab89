'use client';

import { useActionState } from 'react';
import { formKey, FormStatus, SubmitButton } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';
import { CONTEXT_FORM_FIELDS } from './data-fields';
import { DataFieldInputs } from './DataFieldInputs';

/** The social context of a school in one year; every field is sent, an empty one clears the stored value. */
export function ContextForm({
  action,
  schoolId,
  year,
  stored,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  schoolId: string;
  year: number;
  /** null: nothing stored for this year yet. */
  stored: { version: number; source: string | null; values: Record<string, number | boolean | null> } | null;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form key={`${formKey(state)}-${stored?.version ?? 'new'}`} action={formAction} aria-label="Социальные данные школы" className="space-y-3 rounded border border-slate-200 bg-white p-4" noValidate>
      <FormStatus state={state} />
      {!stored && <p className="text-sm text-slate-700">Социальных данных за этот год ещё нет: заполните известные поля.</p>}
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name="year" value={year} />
      {stored && <input type="hidden" name="version" value={stored.version} />}
      <input type="hidden" name="source" value={stored?.source ?? 'Ввод в форме'} />
      <DataFieldInputs fields={CONTEXT_FORM_FIELDS} state={state} values={stored?.values ?? {}} />
      <SubmitButton>Сохранить социальные данные</SubmitButton>
    </form>
  );
}
