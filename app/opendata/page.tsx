import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/PageHeader';
import { DATASETS, LICENCE } from '@/lib/public/opendata';

export const metadata: Metadata = { title: 'Открытые данные', description: 'Наборы открытых данных о школах региона: CSV и JSON с паспортами.' };

export default function OpenDataPage() {
  return (
    <>
      <PageHeader title="Открытые данные" crumbs={[{ label: 'Главная', href: '/' }, { label: 'Открытые данные' }]}>
        <p>Каждая таблица открытых страниц — набор данных в CSV (для Excel, с меткой кодировки UTF-8, или простой) и JSON, с паспортом. Адреса постоянные.</p>
      </PageHeader>
      <ul className="space-y-4">
        {DATASETS.map((d) => (
          <li key={d.id} className="rounded border border-slate-200 bg-white p-4">
            <h2 className="text-lg font-semibold">
              <Link href={`/opendata/passport/${d.id}`}>{d.title}</Link>
            </h2>
            <p className="text-sm">{d.description}</p>
            <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              <a href={`/opendata/${d.id}.csv`} download>CSV для Excel</a>
              <a href={`/opendata/${d.id}.csv?bom=0`} download>CSV (UTF-8 без BOM)</a>
              <a href={`/opendata/${d.id}.json`}>JSON</a>
              <Link href={`/opendata/passport/${d.id}`}>Паспорт набора</Link>
            </p>
          </li>
        ))}
      </ul>
      <p className="mt-6 text-sm">Лицензия: {LICENCE}</p>
    </>
  );
}
