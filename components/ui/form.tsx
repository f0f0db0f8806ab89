'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionState } from '@/lib/action-state';

const inputClass = 'mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-slate-900';

export function Field({
  name,
  label,
  state,
  hint,
  children,
}: {
  name: string;
  label: string;
  state?: ActionState;
  hint?: string;
  children?: ReactNode;
}) {
  const error = state?.status === 'error' ? state.fieldErrors[name] : undefined;
  return (
    <div className="text-sm">
      <label htmlFor={name} className="font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${name}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${name}-error`} role="alert" className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = React.InputHTMLAttributes<HTMLInputElement> & { name: string; state?: ActionState };

/**
 * React resets a form after its action; remounting it with what the user typed as the new defaults keeps the
 * input on screen after a failed submit (select elements would otherwise fall back to their first default).
 */
export function formKey(state: ActionState): string {
  return state.status === 'error' ? JSON.stringify(state.values) : 'form';
}

/** After a failed submit the form shows what the user typed (React resets forms to their default values). */
function typed(state: ActionState | undefined, name: string): string | undefined {
  return state?.status === 'error' ? state.values[name] : undefined;
}

/** Props every input of a form field shares: id, name, error wiring and the value to show. */
function fieldProps(name: string, state: ActionState | undefined, defaultValue: unknown, id = name) {
  const invalid = state?.status === 'error' && Boolean(state.fieldErrors[name]);
  return {
    id,
    name,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `${id}-error` : undefined,
    className: inputClass,
    defaultValue: typed(state, name) ?? (defaultValue as string | number | readonly string[] | undefined),
  };
}

export function TextInput({ name, state, defaultValue, ...rest }: InputProps) {
  return <input {...fieldProps(name, state, defaultValue)} {...rest} />;
}

type TextAreaProps = React.TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; state?: ActionState };

/** Multi-line `TextInput`. `id` defaults to `name`; give another when several forms on a page share a field name. */
export function TextArea({ name, id, state, defaultValue, rows = 3, ...rest }: TextAreaProps) {
  return <textarea {...fieldProps(name, state, defaultValue, id)} rows={rows} {...rest} />;
}

type SelectProps = React.SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  state?: ActionState;
  options: { value: string; label: string }[];
  placeholder?: string;
};

export function Select({ name, state, options, placeholder, defaultValue, ...rest }: SelectProps) {
  return (
    <select {...fieldProps(name, state, defaultValue)} {...rest}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function SubmitButton({ children, variant = 'primary' }: { children: ReactNode; variant?: 'primary' | 'danger' | 'secondary' }) {
  const { pending } = useFormStatus();
  const colours = {
    primary: 'bg-brand-600 text-white hover:bg-brand-700',
    danger: 'bg-red-700 text-white hover:bg-red-800',
    secondary: 'border border-slate-400 bg-white text-slate-900 hover:bg-slate-100',
  }[variant];
  return (
    <button type="submit" disabled={pending} className={`rounded px-4 py-2 text-sm font-medium disabled:opacity-60 ${colours}`}>
      {pending ? 'Сохранение…' : children}
    </button>
  );
}

export function FormStatus({ state }: { state: ActionState }) {
  if (state.status === 'idle') return null;
  if (state.status === 'success') {
    return (
      <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
        {state.message}
      </p>
    );
  }
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      {state.message}
    </p>
  );
}
