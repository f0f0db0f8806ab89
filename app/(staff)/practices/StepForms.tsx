'use client';

import { useActionState } from 'react';
import { Field, formKey, FormStatus, Select, SubmitButton, TextArea, TextInput } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Option = { value: string; label: string };
type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** A workflow step without fields (submit, publish, archive): a button carrying the version read. */
export function StepButton({ action, id, version, label, variant = 'primary' }: { action: Action; id: string; version: number; label: string; variant?: 'primary' | 'secondary' | 'danger' }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-2">
      <FormStatus state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </form>
  );
}

export function AssignForm({ action, id, version, experts }: { action: Action; id: string; version: number; experts: Option[] }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-2" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Field name="expertId" label="Эксперт" state={state} hint="Эксперты школы-автора не могут оценивать её практику.">
        <Select name="expertId" state={state} options={experts} placeholder="Выберите эксперта" />
      </Field>
      <SubmitButton>Назначить эксперта</SubmitButton>
    </form>
  );
}

export function ScoreForm({ action, reviewId, version, criteria, evidenceLevels }: { action: Action; reviewId: string; version: number; criteria: { id: string; title: string; maxScore: number }[]; evidenceLevels: Option[] }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-3" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="version" value={version} />
      {criteria.map((c) => (
        <div key={c.id} className="grid gap-2 sm:grid-cols-[14rem_6rem_1fr]">
          <p className="text-sm font-medium">{c.title}</p>
          <Field name={`score.${c.id}`} label={`Оценка (0–${c.maxScore})`} state={state}>
            <Select name={`score.${c.id}`} state={state} options={Array.from({ length: c.maxScore + 1 }, (_, i) => ({ value: String(i), label: String(i) }))} placeholder="—" />
          </Field>
          <Field name={`scoreComment.${c.id}`} label="Комментарий" state={state}>
            <TextInput name={`scoreComment.${c.id}`} state={state} />
          </Field>
        </div>
      ))}
      {state.status === 'error' && state.fieldErrors.scores && (
        <p role="alert" className="text-xs font-medium text-red-700">
          {state.fieldErrors.scores}
        </p>
      )}
      <Field name="comment" label="Заключение эксперта" state={state} hint="Автор увидит заключение и комментарии, но не ваши баллы до решения.">
        <TextArea name="comment" state={state} rows={4} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-[16rem_1fr]">
        <Field name="evidenceLevel" label="Уровень доказанности" state={state}>
          <Select name="evidenceLevel" state={state} options={evidenceLevels} placeholder="Выберите уровень" />
        </Field>
        <Field name="evidenceReason" label="Обоснование уровня" state={state}>
          <TextInput name="evidenceReason" state={state} />
        </Field>
      </div>
      <SubmitButton>Завершить экспертизу</SubmitButton>
    </form>
  );
}

export function DecideForm({ action, id, version, evidenceLevels }: { action: Action; id: string; version: number; evidenceLevels: Option[] }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-3" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Field name="kind" label="Решение" state={state}>
        <Select
          name="kind"
          state={state}
          options={[
            { value: 'accept', label: 'Принять к публикации' },
            { value: 'return', label: 'Вернуть на доработку' },
            { value: 'reject', label: 'Отклонить' },
          ]}
        />
      </Field>
      <Field name="comment" label="Комментарий автору" state={state} hint="Обязателен при возврате (что доработать) и отклонении (причины).">
        <TextArea name="comment" state={state} rows={3} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-[16rem_1fr]">
        <Field name="evidenceLevel" label="Уровень доказанности (при принятии)" state={state}>
          <Select name="evidenceLevel" state={state} options={evidenceLevels} placeholder="Выберите уровень" />
        </Field>
        <Field name="evidenceReason" label="Обоснование уровня" state={state}>
          <TextInput name="evidenceReason" state={state} />
        </Field>
      </div>
      <SubmitButton>Принять решение</SubmitButton>
    </form>
  );
}

export function AdoptForm({ action, id }: { action: Action; id: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-2" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="id" value={id} />
      <Field name="startedOn" label="Дата начала внедрения" state={state}>
        <TextInput type="date" name="startedOn" state={state} />
      </Field>
      <Field name="note" label="Комментарий" state={state}>
        <TextInput name="note" state={state} />
      </Field>
      <SubmitButton>Внедряем</SubmitButton>
    </form>
  );
}

export function AttachForm({ action, id, version }: { action: Action; id: string; version: number }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-2" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Field name="files" label="Файлы" state={state} hint="PDF, DOCX, XLSX, JPG, PNG, TXT — до 10 МБ всего.">
        <input id="files" name="files" type="file" multiple className="mt-1 block text-sm" />
      </Field>
      <SubmitButton variant="secondary">Приложить</SubmitButton>
    </form>
  );
}
