'use client';

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="ru">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
        <main role="alert">
          <h1>Сервис временно недоступен</h1>
          <p>Не удалось загрузить страницу. Возможно, база данных временно недоступна. Повторите попытку через минуту.</p>
          <button type="button" onClick={reset}>
            Повторить
          </button>
        </main>
      </body>
    </html>
  );
}
