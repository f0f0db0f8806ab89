'use client';

import { useActionState } from 'react';
import { FormStatus, SubmitButton } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

/** One button posting fixed hidden values to a server action, with its result shown beside it. */
export function ActionButton({
  action,
  values,
  label,
  variant = 'primary',
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  values: Record<string, string | number>;
  label: string;
  variant?: 'primary' | 'secondary' | 'danger';
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-2">
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant}>{label}</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
