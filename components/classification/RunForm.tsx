'use client';

import { useActionState } from 'react';
import { Field, formKey, FormStatus, Select, SubmitButton } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

/** Year (and, for regional staff, municipality) of a new classification run. */
export function RunForm({
  action,
  years,
  municipalities,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  years: number[];
  municipalities: { value: string; label: string }[];
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-3 rounded border border-slate-200 bg-white p-4" noValidate>
      <h2 className="text-lg font-semibold">Новый расчёт</h2>
      <FormStatus state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="year" label="Учебный год (год результатов)" state={state}>
          <Select name="year" state={state} options={years.map((y) => ({ value: String(y), label: String(y) }))} defaultValue={String(years[0] ?? '')} />
        </Field>
        {municipalities.length > 1 && (
          <Field name="municipalityId" label="Муниципалитет" state={state} hint="Без выбора — весь регион">
            <Select name="municipalityId" state={state} options={municipalities} placeholder="Весь регион" />
          </Field>
        )}
      </div>
      <SubmitButton>Запустить классификацию</SubmitButton>
    </form>
  );
}
