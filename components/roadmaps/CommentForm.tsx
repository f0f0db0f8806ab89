'use client';

import { useActionState } from 'react';
import { Field, formKey, FormStatus, SubmitButton, TextArea } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * One text field and a button: review comments, submit / approve / return of a road map. `idPrefix` keeps field
 * ids unique when several of these forms share a page.
 */
export function CommentForm({
  action,
  hidden,
  label,
  submitLabel,
  idPrefix,
  variant = 'primary',
  hint,
}: {
  action: Action;
  hidden: Record<string, string | number>;
  label: string;
  submitLabel: string;
  idPrefix: string;
  variant?: 'primary' | 'secondary' | 'danger';
  hint?: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const fieldId = `${idPrefix}-text`;
  // Field labels and shows errors by its `name`, used as the element id: key the error under the unique id.
  const fieldState: ActionState =
    state.status === 'error' && state.fieldErrors.text ? { ...state, fieldErrors: { [fieldId]: state.fieldErrors.text } } : IDLE;
  return (
    <form key={formKey(state)} action={formAction} className="space-y-2" noValidate>
      <FormStatus state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field name={fieldId} label={label} state={fieldState} hint={hint}>
        <TextArea name="text" id={fieldId} state={state} rows={2} />
      </Field>
      <SubmitButton variant={variant}>{submitLabel}</SubmitButton>
    </form>
  );
}

