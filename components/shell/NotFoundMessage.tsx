import Link from 'next/link';

export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold">Страница не найдена</h1>
      <p className="mt-2">
        Такой страницы нет или у вас нет к ней доступа. <Link href="/">На главную</Link>
      </p>
    </div>
  );
}
