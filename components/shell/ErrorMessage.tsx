'use client';

/** The error boundaries’ message (app/error.tsx, the staff and public sides): shown when a page fails to load — most often because the database is unavailable. Never shows a stack trace. */
export function ErrorMessage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl rounded border border-amber-300 bg-amber-50 p-6">
      <h1 className="text-xl font-semibold">Сервис временно недоступен</h1>
      <p className="mt-2">
        Не удалось загрузить страницу. Возможно, база данных временно недоступна или идёт обновление. Данные не потеряны —
        повторите попытку через минуту.
      </p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white">
        Повторить
      </button>
    </div>
  );
}
