'use client';

import { useActionState } from 'react';
import { Field, formKey, FormStatus, Select, SubmitButton, TextArea, TextInput } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Option = { value: string; label: string };
type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export interface PracticeFormValues {
  id?: string;
  version?: number;
  title: string;
  summary: string;
  problem: string;
  riskFactors: string[];
  grades: string;
  subjects: string[];
  body: string;
  resources: string;
  costBand: string;
  claimedResults: string;
  tags: string;
  startedOn: string;
  authors: { name: string; role: string; consentPublic: boolean }[];
  schoolId?: string;
  roadmapItemIds: string[];
  indicatorIds: string[];
}

export interface PracticeFormOptions {
  riskFactors: string[];
  subjects: Option[];
  costBands: Option[];
  /** Schools the actor may describe a practice for (empty: its own school). */
  schools: Option[];
  /** Indicators of the region the practice may be linked to. */
  indicators: Option[];
}

function Checks({ name, legend, options, checked, state }: { name: string; legend: string; options: Option[]; checked: string[]; state: ActionState }) {
  const error = state.status === 'error' ? state.fieldErrors[name] : undefined;
  const typed = state.status === 'error' ? null : checked;
  return (
    <fieldset className="text-sm" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="font-medium text-slate-800">{legend}</legend>
      <div className="mt-1 grid gap-1 sm:grid-cols-2">
        {options.map((o, i) => (
          <label key={o.value} className="flex items-start gap-2" htmlFor={`${name}-${i}`}>
            <input id={`${name}-${i}`} type="checkbox" name={name} value={o.value} defaultChecked={typed ? typed.includes(o.value) : undefined} className="mt-1" />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${name}-error`} role="alert" className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Create and edit form of a practice; editing carries the version it read (409 when stale). */
export function PracticeForm({ action, values, options }: { action: Action; values: PracticeFormValues; options: PracticeFormOptions }) {
  const [state, formAction] = useActionState(action, IDLE);
  const authors = [...values.authors, ...Array.from({ length: Math.max(0, 3 - values.authors.length) }, () => ({ name: '', role: '', consentPublic: false }))];
  return (
    <form key={formKey(state)} action={formAction} className="space-y-4 rounded border border-slate-200 bg-white p-4" noValidate>
      <FormStatus state={state} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {values.version !== undefined && <input type="hidden" name="version" value={values.version} />}
      {options.schools.length > 0 && (
        <Field name="schoolId" label="Школа-автор" state={state}>
          <Select name="schoolId" state={state} options={options.schools} defaultValue={values.schoolId} placeholder="Выберите школу" />
        </Field>
      )}
      <Field name="title" label="Название" state={state}>
        <TextInput name="title" state={state} defaultValue={values.title} required />
      </Field>
      <Field name="summary" label="Краткое описание" state={state} hint="Для карточки и результатов поиска: 1–3 предложения.">
        <TextArea name="summary" state={state} defaultValue={values.summary} rows={3} />
      </Field>
      <Checks name="riskFactors" legend="Факторы риска (ФИОКО), на которые отвечает практика" options={options.riskFactors.map((r) => ({ value: r, label: r }))} checked={values.riskFactors} state={state} />
      <Field name="problem" label="Проблема" state={state} hint="Какую проблему школы решали.">
        <TextArea name="problem" state={state} defaultValue={values.problem} rows={3} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="grades" label="Классы" state={state} hint="Например: 5–9">
          <TextInput name="grades" state={state} defaultValue={values.grades} />
        </Field>
        <Field name="startedOn" label="Дата начала" state={state}>
          <TextInput type="date" name="startedOn" state={state} defaultValue={values.startedOn} />
        </Field>
        <Field name="costBand" label="Затраты" state={state}>
          <Select name="costBand" state={state} options={options.costBands} defaultValue={values.costBand} />
        </Field>
      </div>
      <Checks name="subjects" legend="Предметы" options={options.subjects} checked={values.subjects} state={state} />
      <Field name="body" label="Что было сделано" state={state} hint="Шаги, сроки, кто участвовал. Разметка Markdown: ## заголовок, - список, **жирный**, [ссылка](https://…). HTML не сохраняется как разметка.">
        <TextArea name="body" state={state} defaultValue={values.body} rows={12} />
      </Field>
      <Field name="resources" label="Ресурсы" state={state} hint="Люди, часы, деньги на одного обучающегося.">
        <TextArea name="resources" state={state} defaultValue={values.resources} rows={3} />
      </Field>
      <Field name="claimedResults" label="Результаты по оценке авторов" state={state}>
        <TextArea name="claimedResults" state={state} defaultValue={values.claimedResults} rows={3} />
      </Field>
      <Field name="tags" label="Метки" state={state} hint="Через запятую: наставничество, ОГЭ">
        <TextInput name="tags" state={state} defaultValue={values.tags} />
      </Field>
      {values.roadmapItemIds.map((itemId) => (
        <input key={itemId} type="hidden" name="roadmapItemIds" value={itemId} />
      ))}
      {options.indicators.length > 0 && <Checks name="indicatorIds" legend="Показатели, которым служит практика" options={options.indicators} checked={values.indicatorIds} state={state} />}
      <fieldset className="space-y-2 text-sm">
        <legend className="font-medium text-slate-800">Авторы</legend>
        {authors.map((a, n) => (
          <div key={n} className="grid items-end gap-2 sm:grid-cols-[1fr_1fr_auto]">
            <Field name={`author${n}Name`} label={`ФИО автора ${n + 1}`} state={state}>
              <TextInput name={`author${n}Name`} state={state} defaultValue={a.name} />
            </Field>
            <Field name={`author${n}Role`} label="Должность" state={state}>
              <TextInput name={`author${n}Role`} state={state} defaultValue={a.role} />
            </Field>
            <label className="flex items-center gap-2 pb-2" htmlFor={`author${n}Consent`}>
              <input id={`author${n}Consent`} type="checkbox" name={`author${n}Consent`} defaultChecked={a.consentPublic} />
              согласие на публикацию имени
            </label>
          </div>
        ))}
        {state.status === 'error' &&
          Object.entries(state.fieldErrors)
            .filter(([key]) => key.startsWith('authors'))
            .map(([key, message]) => (
              <p key={key} role="alert" className="text-xs font-medium text-red-700">
                Автор {Number(key.split('.')[1] ?? 0) + 1}: {message}
              </p>
            ))}
      </fieldset>
      <SubmitButton>{values.id ? 'Сохранить новую версию' : 'Сохранить черновик'}</SubmitButton>
    </form>
  );
}
