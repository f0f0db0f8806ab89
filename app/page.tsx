import { SCHOOLS } from '@/lib/classification/format';
import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/PageHeader';
import { listPublicDirectory } from '@/lib/organisations/public';
import { SETTLEMENT_LABELS } from '@/lib/organisations/schemas';
import { formatNumber, pluralize } from '@/lib/format/ru';

export const metadata: Metadata = { title: 'Школы и муниципалитеты' };

export default async function PublicHomePage() {
  const municipalities = await listPublicDirectory();
  const schoolCount = municipalities.reduce((sum, m) => sum + m.schools.length, 0);
  return (
    <>
      <PageHeader title="Школы и муниципалитеты">
        <p>
          Открытая информация для родителей и общественности: {pluralize(municipalities.length, ['муниципалитет', 'муниципалитета', 'муниципалитетов'])},{' '}
          {pluralize(schoolCount, SCHOOLS)}. Вход не требуется.
        </p>
      </PageHeader>
      <div className="space-y-3">
        {municipalities.map((m) => (
          <details key={m.id} className="rounded border border-slate-200 bg-white">
            <summary className="cursor-pointer px-4 py-3 font-medium">
              {m.name}
              <span className="ml-2 text-sm font-normal text-slate-600">
                {m.regionName} · {pluralize(m.schools.length, SCHOOLS)}
              </span>
            </summary>
            <ul className="divide-y divide-slate-100 border-t border-slate-200">
              {m.schools.map((s) => (
                <li key={s.id} className="px-4 py-2 text-sm">
                  <span className="font-medium">{s.shortName ?? s.name}</span>
                  {s.shortName && <span className="block text-slate-600">{s.name}</span>}
                  <span className="block text-slate-600">
                    {[s.address, s.settlement ? SETTLEMENT_LABELS[s.settlement] + ' местность' : null, s.pupils !== null ? `обучающихся: ${formatNumber(s.pupils)}` : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        ))}
        {municipalities.length === 0 && <p>Справочник школ пока пуст.</p>}
      </div>
    </>
  );
}
