'use client';

import { useActionState } from 'react';
import { formKey, FormStatus, SubmitButton } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export interface EditedSection {
  id: string;
  version: number;
  number: string | null;
  title: string | null;
}

/**
 * Adds a section (этап, раздел), or with `section` renames and renumbers it. Inputs carry their own ids: the item
 * form and the other section forms on the same page have fields of the same names.
 */
export function SectionForm({ action, roadmapId, section }: { action: Action; roadmapId: string; section?: EditedSection }) {
  const [state, formAction] = useActionState(action, IDLE);
  const error = (name: string) => (state.status === 'error' ? state.fieldErrors[name] : undefined);
  const typed = (name: string) => (state.status === 'error' ? state.values[name] : undefined);
  const prefix = section ? `section-${section.id}` : 'section';
  const input = (name: 'number' | 'title', label: string) => {
    const id = `${prefix}-${name}`;
    return (
      <div className="text-sm">
        <label htmlFor={id} className="font-medium text-slate-800">
          {label}
        </label>
        <input
          id={id}
          name={name}
          defaultValue={typed(name) ?? (section ? (section[name] ?? '') : undefined)}
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
  };
  const fields = (
    <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
      {input('number', section ? 'Номер' : 'Номер раздела')}
      {input('title', section ? 'Название' : 'Название раздела')}
    </div>
  );
  return (
    <form key={formKey(state)} action={formAction} className="space-y-3" noValidate>
      <FormStatus state={state} />
      {section ? (
        <fieldset className="space-y-3 rounded border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">{section.title ? `Раздел «${section.title}»` : `Раздел ${section.number ?? 'без названия'}`}</legend>
          <input type="hidden" name="id" value={section.id} />
          <input type="hidden" name="version" value={section.version} />
          {fields}
          <SubmitButton variant="secondary">Сохранить раздел</SubmitButton>
        </fieldset>
      ) : (
        <>
          <input type="hidden" name="roadmapId" value={roadmapId} />
          {fields}
          <SubmitButton variant="secondary">Добавить раздел</SubmitButton>
        </>
      )}
    </form>
  );
}
