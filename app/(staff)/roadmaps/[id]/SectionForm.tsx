'use client';

import { useActionState } from 'react';
import { formKey, FormStatus, SubmitButton } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * Adds a section (этап, раздел). Its inputs carry their own ids: the item form on the same page also has
 * a «number» field, and the shared TextInput uses the field name as the id.
 */
export function SectionForm({ action, roadmapId }: { action: Action; roadmapId: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  const error = (name: string) => (state.status === 'error' ? state.fieldErrors[name] : undefined);
  const typed = (name: string) => (state.status === 'error' ? state.values[name] : undefined);
  const input = (name: string, id: string, label: string) => (
    <div className="text-sm">
      <label htmlFor={id} className="font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={typed(name)}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={error(name) ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-slate-900"
      />
      {error(name) && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-red-700">
          {error(name)}
        </p>
      )}
    </div>
  );
  return (
    <form key={formKey(state)} action={formAction} className="space-y-3" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="roadmapId" value={roadmapId} />
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        {input('number', 'section-number', 'Номер раздела')}
        {input('title', 'section-title', 'Название раздела')}
      </div>
      <SubmitButton variant="secondary">Добавить раздел</SubmitButton>
    </form>
  );
}
