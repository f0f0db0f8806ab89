import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ScrollBox } from '@/components/public/ScrollBox';
import { PageHeader } from '@/components/shell/PageHeader';
import { formatNumber } from '@/lib/format/ru';
import { findDataset, formatOpenDataDate, LICENCE, loadDataset, PUBLISHER } from '@/lib/public/opendata';

type Props = { params: Promise<{ dataset: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const d = findDataset((await params).dataset);
  return { title: d ? `Паспорт набора «${d.title}»` : 'Набор не найден' };
}

export default async function PassportPage({ params }: Props) {
  const dataset = await loadDataset((await params).dataset);
  if (!dataset) notFound();
  const facts: [string, string][] = [
    ['Идентификатор набора', dataset.id],
    ['Наименование', dataset.title],
    ['Описание', dataset.description],
    ['Владелец набора', PUBLISHER],
    ['Дата последнего изменения', dataset.updatedAt ? formatOpenDataDate(dataset.updatedAt)! : '—'],
    ['Периодичность обновления', dataset.periodicity],
    ['Число строк', formatNumber(dataset.rows.length)],
    ['Форматы', 'CSV (UTF-8 с BOM, разделитель «;»), CSV без BOM, JSON'],
    ['Лицензия', LICENCE],
  ];
  return (
    <>
      <PageHeader title={`Паспорт набора «${dataset.title}»`} crumbs={[{ label: 'Главная', href: '/' }, { label: 'Открытые данные', href: '/opendata' }, { label: dataset.title }]} />
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[minmax(0,max-content)_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 flex flex-wrap gap-x-4 text-sm">
        <a href={`/opendata/${dataset.id}.csv`} download>Скачать CSV</a>
        <a href={`/opendata/${dataset.id}.csv?bom=0`} download>CSV без BOM</a>
        <a href={`/opendata/${dataset.id}.json`}>JSON</a>
      </p>
      <h2 className="mt-6 text-lg font-semibold">Структура</h2>
      <ScrollBox label="Структура набора">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-100">
            <tr>
              {['Поле (JSON)', 'Заголовок (CSV)', 'Тип', 'Единица', 'Описание'].map((h) => (
                <th key={h} scope="col" className="px-2 py-1 text-left">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dataset.columns.map((c) => (
              <tr key={c.key} className="border-t border-slate-200">
                <th scope="row" className="px-2 py-1 text-left font-mono font-normal">{c.key}</th>
                <td className="px-2 py-1">{c.title}</td>
                <td className="px-2 py-1">{c.type}</td>
                <td className="px-2 py-1">{c.unit ?? '—'}</td>
                <td className="px-2 py-1">{c.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}
