'use client';

import { useActionState } from 'react';
import { Field, formKey, FormStatus, Select, SubmitButton, TextArea, TextInput } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Option = { value: string; label: string };
type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export interface ItemFormValues {
  id?: string;
  version?: number;
  roadmapId: string;
  sectionId: string;
  number: string | null;
  activity: string;
  deadlineText: string;
  /** The hand-set period, when there is one. */
  periodStart: string | null;
  periodEnd: string | null;
  periodOverridden: boolean;
  /** The period as the deadline text gives it, to show next to the override. */
  normalisedLabel?: string;
  responsibleText: string;
  plannedResult: string;
  expectedDocument: string | null;
  status: string;
}

/** Create and edit form of a road-map item; the period can be set by hand over the one read from «Сроки». */
export function ItemForm({
  action,
  values,
  sections,
  statuses,
  documents,
}: {
  action: Action;
  values: ItemFormValues;
  sections: Option[];
  statuses: Option[];
  documents: Option[];
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const editing = Boolean(values.id);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-4" noValidate>
      <FormStatus state={state} />
      {editing ? <input type="hidden" name="id" value={values.id} /> : <input type="hidden" name="roadmapId" value={values.roadmapId} />}
      {values.version !== undefined && <input type="hidden" name="version" value={values.version} />}
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        <Field name="number" label="№" state={state}>
          <TextInput name="number" state={state} defaultValue={values.number ?? ''} />
        </Field>
        <Field name="sectionId" label="Раздел" state={state}>
          <Select name="sectionId" state={state} options={sections} defaultValue={values.sectionId} />
        </Field>
      </div>
      <Field name="activity" label="Мероприятие" state={state}>
        <TextArea name="activity" state={state} defaultValue={values.activity} required />
      </Field>
      <Field name="deadlineText" label="Сроки (как в документе)" state={state} hint={values.normalisedLabel ? `Распознано: ${values.normalisedLabel}` : 'Например: «Март – август 2021», «4 квартал 2022 года», «ежегодно»'}>
        <TextInput name="deadlineText" state={state} defaultValue={values.deadlineText} />
      </Field>
      <fieldset className="rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">Период вручную (необязательно)</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="periodStart" label="Начало" state={state}>
            <TextInput name="periodStart" type="date" state={state} defaultValue={values.periodOverridden ? (values.periodStart ?? '') : ''} />
          </Field>
          <Field name="periodEnd" label="Окончание" state={state}>
            <TextInput name="periodEnd" type="date" state={state} defaultValue={values.periodOverridden ? (values.periodEnd ?? '') : ''} />
          </Field>
        </div>
        {editing && values.periodOverridden && (
          <label className="mt-2 flex items-center gap-2 text-sm">
            <input type="checkbox" name="clearOverride" value="true" /> Снять ручной период и распознать срок из текста
          </label>
        )}
      </fieldset>
      <Field name="responsibleText" label="Ответственные" state={state}>
        <TextArea name="responsibleText" state={state} defaultValue={values.responsibleText} rows={2} />
      </Field>
      <Field name="plannedResult" label="Планируемый результат" state={state}>
        <TextArea name="plannedResult" state={state} defaultValue={values.plannedResult} rows={2} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="expectedDocument" label="Ожидаемый документ" state={state}>
          <Select name="expectedDocument" state={state} options={documents} placeholder="— не указан —" defaultValue={values.expectedDocument ?? ''} />
        </Field>
        <Field name="status" label="Статус" state={state}>
          <Select name="status" state={state} options={statuses} defaultValue={values.status} />
        </Field>
      </div>
      <SubmitButton>{editing ? 'Сохранить мероприятие' : 'Добавить мероприятие'}</SubmitButton>
    </form>
  );
}
