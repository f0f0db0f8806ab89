'use client';

import { useActionState } from 'react';
import { Field, formKey, FormStatus, SubmitButton, TextInput } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';
import type { Methodology } from '@/lib/classification/methodology';
import { isJudged, JUDGED_OPTIONS, NUMBER_GROUPS, SOCIAL_OPTIONS, valueAt } from './methodology-fields';

const boxClass = 'space-y-3 rounded border border-slate-200 p-3';
const inputClass = 'mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5';

/** Lossless Russian spelling of a stored number: 0.125 → «0,125» (formatNumber would round it). */
function shown(value: unknown): string {
  return typeof value === 'number' ? String(value).replace('.', ',') : '';
}

/** A checkbox that, after a failed submit, shows what the user ticked rather than the stored value. */
function isChecked(state: ActionState, name: string, stored: boolean): boolean {
  return state.status === 'error' ? state.values[name] === 'on' : stored;
}

function GroupError({ state, name }: { state: ActionState; name: string }) {
  const error = state.status === 'error' ? state.fieldErrors[name] : undefined;
  return error ? (
    <p role="alert" className="text-xs font-medium text-red-700">
      {error}
    </p>
  ) : null;
}

function SocialVariables({ state, params }: { state: ActionState; params: Methodology }) {
  const typed = (name: string) => (state.status === 'error' ? state.values[name] : undefined);
  return (
    <fieldset className={boxClass}>
      <legend className="px-1 font-semibold">Переменные социального индекса</legend>
      <GroupError state={state} name="social.variables" />
      <div className="grid gap-3 md:grid-cols-2">
        {SOCIAL_OPTIONS.map(({ variable, label }) => {
          const stored = params.social.variables.find((v) => v.variable === variable);
          const base = `social.${variable}`;
          return (
            <div key={variable} className="rounded border border-slate-100 p-2 text-sm">
              <label className="flex items-center gap-2 font-medium">
                <input type="checkbox" name={`${base}.on`} defaultChecked={isChecked(state, `${base}.on`, Boolean(stored))} />
                {label}
              </label>
              <div className="mt-1 grid grid-cols-2 gap-2">
                <Field name={`${base}.weight`} label="Вес" state={state}>
                  <TextInput name={`${base}.weight`} state={state} defaultValue={shown(stored?.weight ?? 1)} inputMode="decimal" />
                </Field>
                <div>
                  <label htmlFor={`${base}.sign`} className="font-medium text-slate-800">
                    Направление
                  </label>
                  <select id={`${base}.sign`} name={`${base}.sign`} className={inputClass} defaultValue={typed(`${base}.sign`) ?? String(stored?.sign ?? 1)}>
                    <option value="1">больше — неблагополучнее</option>
                    <option value="-1">больше — благополучнее</option>
                  </select>
                </div>
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Every parameter of a draft methodology; errors come back under the field they concern. */
export function MethodologyForm({
  action,
  id,
  version,
  name,
  note,
  params,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  id: string;
  version: number;
  name: string;
  note: string | null;
  params: Methodology;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-4 rounded border border-slate-200 bg-white p-4" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-3 md:grid-cols-2">
        <Field name="name" label="Название" state={state}>
          <TextInput name="name" state={state} defaultValue={name} />
        </Field>
        <Field name="note" label="Что изменено и почему" state={state}>
          <TextInput name="note" state={state} defaultValue={note ?? ''} />
        </Field>
      </div>
      <fieldset className={boxClass}>
        <legend className="px-1 font-semibold">Оцениваемые экзамены и предметы (R1, R2)</legend>
        <GroupError state={state} name="judged" />
        <div className="grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {JUDGED_OPTIONS.map((o) => (
            <label key={o.name} className="flex items-center gap-2">
              <input type="checkbox" name={o.name} defaultChecked={isChecked(state, o.name, isJudged(params, o.exam, o.subject))} />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
      {NUMBER_GROUPS.map((group) => (
        <fieldset key={group.title} className={boxClass}>
          <legend className="px-1 font-semibold">{group.title}</legend>
          <div className="grid gap-3 md:grid-cols-2">
            {group.fields.map((field) => (
              <Field key={field.path} name={field.path} label={field.label} hint={field.hint} state={state}>
                <TextInput name={field.path} state={state} defaultValue={shown(valueAt(params, field.path))} inputMode="decimal" />
              </Field>
            ))}
          </div>
          {group.title === 'Правила ШНОР' && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="r3.consecutiveYears" defaultChecked={isChecked(state, 'r3.consecutiveYears', params.r3.consecutiveYears)} />
              R3: срабатывает и при «2» в одной процедуре два года подряд
            </label>
          )}
        </fieldset>
      ))}
      <SocialVariables state={state} params={params} />
      <SubmitButton>Сохранить черновик</SubmitButton>
    </form>
  );
}
