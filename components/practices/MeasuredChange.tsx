import { Panel } from '@/components/ui/Panel';
import { CATEGORY_NAMES } from '@/lib/classification/classify';
import { formatDate, formatNumber } from '@/lib/format/ru';
import type { MeasuredSchool } from '@/lib/practices/queries';

const signed = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatNumber(Math.abs(v))}`);

/**
 * What happened to the author school and to adopting schools after they started the practice: category by year
 * from published classification runs and the gap to the municipal mean, plus linked indicator values — figures
 * from the portal's own data, with years and sources.
 */
export function MeasuredChange({ schools }: { schools: MeasuredSchool[] }) {
  const adopters = schools.filter((s) => s.role === 'adopter');
  const improved = schools.filter((s) => s.change.improved).length;
  return (
    <Panel id="measured-title" title="Измеренные изменения">
      <p className="text-sm text-slate-700">
        Данные портала, а не слова авторов: категория школы по опубликованным расчётам классификации и разрыв её среднего результата со средним по
        муниципалитету (в баллах, по предметам, по которым школу оценивали). Практику применяют {formatNumber(schools.length)} шк.
        {adopters.length > 0 ? ` (школа-автор и ${formatNumber(adopters.length)} внедряющих)` : ''}; результаты улучшились у {formatNumber(improved)}.
      </p>
      {schools.map((s) => (
        <div key={s.schoolId} className="space-y-1 border-t border-slate-200 pt-2 text-sm">
          <p className="font-medium">
            {s.schoolName} — {s.role === 'author' ? 'школа-автор' : 'внедряет'}
            {s.startedOn ? `, с ${formatDate(s.startedOn)}` : ''}
          </p>
          {s.years.length > 0 && (
            <table className="w-full text-sm">
              <caption className="sr-only">Категория и разрыв со средним по муниципалитету по годам: {s.schoolName}</caption>
              <thead>
                <tr>
                  <th scope="col" className="text-left">Год</th>
                  <th scope="col" className="text-left">Категория</th>
                  <th scope="col" className="text-right">Разрыв со средним</th>
                </tr>
              </thead>
              <tbody>
                {s.years.map((y) => (
                  <tr key={y.year}>
                    <td>{y.year}</td>
                    <td>{CATEGORY_NAMES[y.category]}</td>
                    <td className="text-right">{signed(y.municipalGap)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {s.change.sentences.map((t, i) => (
            <p key={i}>{t}</p>
          ))}
          {s.indicators.map((ind) => (
            <p key={ind.name}>
              {ind.name}: {ind.values.map((v) => `${v.year} — ${formatNumber(v.value)}`).join(', ')} (источник: {ind.source || 'показатели портала'})
            </p>
          ))}
          <p className="text-xs text-slate-600">Источник: опубликованные расчёты классификации школ{s.indicators.length ? ' и значения связанных показателей' : ''}.</p>
        </div>
      ))}
    </Panel>
  );
}
