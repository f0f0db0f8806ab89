'use client';

import { useActionState } from 'react';
import { Field, formKey, FormStatus, Select, SubmitButton, TextArea, TextInput } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Option = { value: string; label: string };
type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export interface DecisionFormValues {
  id?: string;
  version?: number;
  organisationId: string;
  decidedOn: string;
  title: string;
  document: string;
  responsible: string;
  dueDate: string;
  finding: string;
  findingSchoolId: string;
  concernedIds: string[];
  itemIds: string[];
}

export interface DecisionFormChoices {
  organisations: Option[];
  schools: Option[];
  items: Option[];
}

function MultiSelect({ name, label, hint, options, selected, state }: { name: string; label: string; hint: string; options: Option[]; selected: string[]; state: ActionState }) {
  const invalid = state.status === 'error' && Boolean(state.fieldErrors[name]);
  return (
    <Field name={name} label={label} state={state} hint={hint}>
      <select
        id={name}
        name={name}
        multiple
        size={Math.min(8, Math.max(3, options.length))}
        defaultValue={selected}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${name}-error` : `${name}-hint`}
        className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-slate-900"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Create and edit form of a management decision; the edit form carries the version it read (409 when stale). */
export function DecisionForm({ action, values, choices }: { action: Action; values: DecisionFormValues; choices: DecisionFormChoices }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-4 rounded border border-slate-200 bg-white p-4" noValidate>
      <FormStatus state={state} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {values.version !== undefined && <input type="hidden" name="version" value={values.version} />}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="organisationId" label="Кто принял решение" state={state}>
          <Select name="organisationId" state={state} options={choices.organisations} defaultValue={values.organisationId} required />
        </Field>
        <Field name="decidedOn" label="Дата решения" state={state}>
          <TextInput name="decidedOn" type="date" state={state} defaultValue={values.decidedOn} required />
        </Field>
        <Field name="dueDate" label="Срок исполнения" state={state}>
          <TextInput name="dueDate" type="date" state={state} defaultValue={values.dueDate} />
        </Field>
      </div>
      <Field name="title" label="Решение" state={state}>
        <TextArea name="title" state={state} defaultValue={values.title} required />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="document" label="Документ" state={state} hint="Например: Приказ № 12 от 15.03.2026">
          <TextInput name="document" state={state} defaultValue={values.document} />
        </Field>
        <Field name="responsible" label="Ответственный" state={state}>
          <TextInput name="responsible" state={state} defaultValue={values.responsible} />
        </Field>
      </div>
      <Field name="finding" label="Результат мониторинга, на который отвечает решение" state={state}>
        <TextArea name="finding" state={state} defaultValue={values.finding} />
      </Field>
      <Field name="findingSchoolId" label="Школа, о которой результат (если о школе)" state={state}>
        <Select name="findingSchoolId" state={state} options={choices.schools} placeholder="— не выбрана —" defaultValue={values.findingSchoolId} />
      </Field>
      <MultiSelect
        name="concernedIds"
        label="Организации, которых касается решение"
        hint="Несколько — с Ctrl (⌘ на Mac)."
        options={[...choices.organisations, ...choices.schools]}
        selected={values.concernedIds}
        state={state}
      />
      <MultiSelect
        name="itemIds"
        label="Мероприятия дорожных карт, которые создаёт решение"
        hint="Мероприятия региональных и муниципальных дорожных карт. Несколько — с Ctrl (⌘ на Mac)."
        options={choices.items}
        selected={values.itemIds}
        state={state}
      />
      <SubmitButton>{values.id ? 'Сохранить' : 'Записать решение'}</SubmitButton>
    </form>
  );
}

/** Deleting asks for nothing but the version read: a decision changed meanwhile is not deleted (409). */
export function DeleteDecisionForm({ action, id, version }: { action: Action; id: string; version: number }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-2">
      <FormStatus state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton variant="danger">Удалить решение</SubmitButton>
    </form>
  );
}
