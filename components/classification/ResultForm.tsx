'use client';

import { useActionState } from 'react';
import { Field, formKey, FormStatus, Select, SubmitButton, TextInput } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';
import { EXAM_OPTIONS, RESULT_VALUE_FIELDS, SUBJECT_OPTIONS } from './data-fields';
import { DataFieldInputs } from './DataFieldInputs';

/** The stored result being edited; its key (exam, subject, grade) is fixed — another key is another result. */
export interface EditedResult {
  title: string;
  exam: string;
  subject: string;
  grade: number;
  version: number;
  source: string | null;
  values: Record<string, number | null>;
}

/** Adds an assessment result of a school and year, or edits one (with its version for conflict detection). */
export function ResultForm({
  action,
  schoolId,
  year,
  edited,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  schoolId: string;
  year: number;
  edited: EditedResult | null;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form
      key={`${formKey(state)}-${edited?.version ?? 'new'}`}
      action={formAction}
      aria-labelledby="result-form-heading"
      className="space-y-3 rounded border border-slate-200 bg-white p-4"
      noValidate
    >
      <h3 id="result-form-heading" className="text-base font-semibold">
        {edited ? `Изменить результат: ${edited.title}` : 'Добавить результат'}
      </h3>
      <FormStatus state={state} />
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name="year" value={year} />
      {edited ? (
        <>
          <input type="hidden" name="exam" value={edited.exam} />
          <input type="hidden" name="subject" value={edited.subject} />
          <input type="hidden" name="grade" value={edited.grade || ''} />
          <input type="hidden" name="version" value={edited.version} />
          <input type="hidden" name="source" value={edited.source ?? ''} />
        </>
      ) : (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field name="exam" label="Экзамен" state={state}>
            <Select name="exam" state={state} options={EXAM_OPTIONS} />
          </Field>
          <Field name="subject" label="Предмет" state={state}>
            <Select name="subject" state={state} options={SUBJECT_OPTIONS} />
          </Field>
          <Field name="grade" label="Класс (для ВПР)" state={state}>
            <TextInput name="grade" state={state} inputMode="numeric" />
          </Field>
          <input type="hidden" name="source" value="Ввод в форме" />
        </div>
      )}
      <DataFieldInputs fields={RESULT_VALUE_FIELDS} state={state} values={edited?.values ?? {}} />
      <SubmitButton>{edited ? 'Сохранить результат' : 'Добавить результат'}</SubmitButton>
    </form>
  );
}
