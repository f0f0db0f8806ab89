'use client';

import { useActionState, useId } from 'react';
import { FormStatus, SubmitButton } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** One button that runs a server action with hidden fields and shows its result or error in words. */
export function ActionButton({ action, fields, label, variant = 'primary', disabled = false, note }: { action: Action; fields: Record<string, string | number>; label: string; variant?: 'primary' | 'secondary' | 'danger'; disabled?: boolean; note?: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  const noteId = useId();
  return (
    <form action={formAction} className="space-y-2" noValidate>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {disabled ? (
        <button type="button" disabled aria-describedby={note ? noteId : undefined} className="rounded border border-slate-300 bg-slate-100 px-4 py-2 text-sm font-medium text-slate-600">
          {label}
        </button>
      ) : (
        <SubmitButton variant={variant}>{label}</SubmitButton>
      )}
      {note && (
        <p id={noteId} className="text-xs text-slate-600">
          {note}
        </p>
      )}
      <FormStatus state={state} />
    </form>
  );
}
