'use client';

import { useActionState } from 'react';
import { FormStatus, SubmitButton } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** A delete button that asks once before it sends the form. */
export function DeleteButton({ action, hidden, label }: { action: Action; hidden: Record<string, string | number>; label: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      className="mt-4 space-y-2"
      onSubmit={(event) => {
        if (!window.confirm(`${label}? Запись будет скрыта из списков.`)) event.preventDefault();
      }}
    >
      <FormStatus state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant="danger">{label}</SubmitButton>
    </form>
  );
}
