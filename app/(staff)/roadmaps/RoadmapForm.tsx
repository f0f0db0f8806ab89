'use client';

import { useActionState } from 'react';
import { Field, formKey, FormStatus, Select, SubmitButton, TextInput } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Option = { value: string; label: string };
type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export interface RoadmapFormValues {
  id?: string;
  version?: number;
  level?: string;
  title: string;
  periodStartYear: number | string;
  periodEndYear: number | string;
  approvalDocument: string | null;
  status?: string;
}

/** Create form (level and owner chosen) and edit form (title, period, approving document, status) of a road map. */
export function RoadmapForm({
  action,
  values,
  levels,
  owners,
  statuses,
}: {
  action: Action;
  values: RoadmapFormValues;
  /** Create form only. */
  levels?: Option[];
  owners?: Option[];
  /** Edit form of a road map whose status is set by hand (not a school one, which goes through review). */
  statuses?: Option[];
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-4 rounded border border-slate-200 bg-white p-4" noValidate>
      <FormStatus state={state} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {values.version !== undefined && <input type="hidden" name="version" value={values.version} />}
      {levels && owners && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="level" label="Уровень" state={state}>
            <Select name="level" state={state} options={levels} defaultValue={values.level} />
          </Field>
          <Field name="ownerOrganisationId" label="Организация-владелец" state={state}>
            <Select name="ownerOrganisationId" state={state} options={owners} placeholder="— выберите —" />
          </Field>
        </div>
      )}
      <Field name="title" label="Название" state={state}>
        <TextInput name="title" state={state} defaultValue={values.title} required />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="periodStartYear" label="Начало периода, год" state={state}>
          <TextInput name="periodStartYear" state={state} defaultValue={values.periodStartYear} inputMode="numeric" required />
        </Field>
        <Field name="periodEndYear" label="Окончание периода, год" state={state}>
          <TextInput name="periodEndYear" state={state} defaultValue={values.periodEndYear} inputMode="numeric" required />
        </Field>
      </div>
      <Field name="approvalDocument" label="Утверждающий документ" state={state} hint="Например: Приказ № 17 от 21.01.2019">
        <TextInput name="approvalDocument" state={state} defaultValue={values.approvalDocument ?? ''} />
      </Field>
      {statuses && (
        <Field name="status" label="Статус" state={state}>
          <Select name="status" state={state} options={statuses} defaultValue={values.status} />
        </Field>
      )}
      <SubmitButton>{values.id ? 'Сохранить' : 'Создать'}</SubmitButton>
    </form>
  );
}
