'use client';

import { useActionState } from 'react';
import { Field, formKey, FormStatus, Select, SubmitButton, TextInput } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

export interface OrganisationFormValues {
  id?: string;
  version?: number;
  kind: string;
  name: string;
  shortName: string | null;
  ogrn: string | null;
  inn: string | null;
  address: string | null;
  settlement: string | null;
  distanceKm: number | null;
  pupils: number | null;
  aliases: string[];
}

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** Create and edit form for any organisation; school-only fields appear for schools. */
export function OrganisationForm({
  action,
  values,
  kinds,
  parents,
}: {
  action: Action;
  values: OrganisationFormValues;
  /** Present on the create form: the kinds and parents to choose from. */
  kinds?: { value: string; label: string }[];
  parents?: { value: string; label: string }[];
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const isSchool = values.kind === 'school' || Boolean(kinds);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-4 rounded border border-slate-200 bg-white p-4" noValidate>
      <FormStatus state={state} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {values.version !== undefined && <input type="hidden" name="version" value={values.version} />}
      {kinds && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="kind" label="Тип организации" state={state}>
            <Select name="kind" state={state} options={kinds} defaultValue={values.kind} />
          </Field>
          <Field name="parentId" label="Вышестоящая организация" state={state} hint="Для региона не выбирается">
            <Select name="parentId" state={state} options={parents ?? []} placeholder="— не выбрана —" />
          </Field>
        </div>
      )}
      <Field name="name" label="Полное наименование" state={state}>
        <TextInput name="name" state={state} defaultValue={values.name} required />
      </Field>
      <Field name="shortName" label="Краткое наименование" state={state}>
        <TextInput name="shortName" state={state} defaultValue={values.shortName ?? ''} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="ogrn" label="ОГРН" state={state} hint={isSchool ? 'Обязателен для школы, 13 цифр' : '13 цифр'}>
          <TextInput name="ogrn" state={state} defaultValue={values.ogrn ?? ''} inputMode="numeric" />
        </Field>
        <Field name="inn" label="ИНН" state={state}>
          <TextInput name="inn" state={state} defaultValue={values.inn ?? ''} inputMode="numeric" />
        </Field>
      </div>
      <Field name="address" label="Адрес" state={state}>
        <TextInput name="address" state={state} defaultValue={values.address ?? ''} />
      </Field>
      {isSchool && (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field name="settlement" label="Местность" state={state}>
            <Select
              name="settlement"
              state={state}
              defaultValue={values.settlement ?? ''}
              placeholder="— не указана —"
              options={[
                { value: 'urban', label: 'Городская' },
                { value: 'rural', label: 'Сельская' },
              ]}
            />
          </Field>
          <Field name="distanceKm" label="Расстояние до центра, км" state={state}>
            <TextInput name="distanceKm" state={state} defaultValue={values.distanceKm ?? ''} inputMode="decimal" />
          </Field>
          <Field name="pupils" label="Численность обучающихся" state={state}>
            <TextInput name="pupils" state={state} defaultValue={values.pupils ?? ''} inputMode="numeric" />
          </Field>
        </div>
      )}
      <Field name="aliases" label="Другие написания (через запятую)" state={state} hint="Как организацию называют в дорожных картах: «УМЦ», «МОУО»…">
        <TextInput name="aliases" state={state} defaultValue={values.aliases.join(', ')} />
      </Field>
      <SubmitButton>{values.id ? 'Сохранить' : 'Создать'}</SubmitButton>
    </form>
  );
}
