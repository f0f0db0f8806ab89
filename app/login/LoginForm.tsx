'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'Неверный логин или пароль.',
  TooManyAttempts: 'Слишком много неудачных попыток входа. Повторите попытку позже или обратитесь к администратору.',
  SessionRequired: 'Войдите в систему, чтобы продолжить.',
};

function messageFor(code: string | null): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? 'Не удалось войти. Повторите попытку.';
}

export function LoginForm({ initialError, callbackUrl }: { initialError: string | null; callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(messageFor(initialError));
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const login = String(form.get('login') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!login || !password) {
      setError('Введите логин и пароль.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', { login, password, redirect: false });
      if (!result || result.error) {
        setError(result?.status === 429 ? MESSAGES.TooManyAttempts! : messageFor(result?.error ?? 'CredentialsSignin'));
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setError('Сервер недоступен. Повторите попытку через минуту.');
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded border border-slate-200 bg-white p-6">
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      )}
      <div className="text-sm">
        <label htmlFor="login" className="font-medium">
          Логин
        </label>
        <input id="login" name="login" type="text" autoComplete="username" required className="mt-1 block w-full rounded border border-slate-400 px-2 py-1.5" />
      </div>
      <div className="text-sm">
        <label htmlFor="password" className="font-medium">
          Пароль
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="mt-1 block w-full rounded border border-slate-400 px-2 py-1.5" />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? 'Вход…' : 'Войти'}
      </button>
    </form>
  );
}
