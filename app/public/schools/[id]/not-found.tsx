import Link from 'next/link';

export default function SchoolNotFound() {
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold">Школа не найдена</h1>
      <p className="mt-2">
        Такой школы в справочнике нет. Найдите школу по названию, номеру или адресу на <Link href="/">главной странице</Link>.
      </p>
    </div>
  );
}
