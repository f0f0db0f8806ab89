import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Markdown } from '@/components/practices/Markdown';
import { SUBJECTS } from '@/lib/classification/subjects';
import { AppError } from '@/lib/errors';
import { formatDate, formatNumber, pluralize } from '@/lib/format/ru';
import { isId } from '@/lib/ids';
import { COST_BAND_LABELS, EVIDENCE_LABELS, SETTLEMENT_NAMES } from '@/lib/practices/labels';
import { getPublicPractice, type PublicPractice } from '@/lib/practices/queries';

async function load(id: string): Promise<PublicPractice> {
  if (!isId(id)) notFound();
  try {
    return await getPublicPractice(id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  if (!isId(id)) return { title: 'Практика не найдена' };
  try {
    return { title: `${(await getPublicPractice(id)).snapshot.title} — банк практик` };
  } catch {
    return { title: 'Практика не найдена' };
  }
}

/** A published practice for everyone: its published version, authors who consented, no staff fields. Citable URL. */
export default async function PublicPracticePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const p = await load(id);
  const s = p.snapshot;
  const facts: [string, string | null][] = [
    ['Школа', `${p.schoolName}${p.municipalityName ? `, ${p.municipalityName}` : ''}`],
    ['Местность', p.settlement ? SETTLEMENT_NAMES[p.settlement] : null],
    ['Факторы риска', s.riskFactors.join('; ')],
    ['Классы', s.grades || null],
    ['Предметы', s.subjects.map((c) => SUBJECTS.find((x) => x.code === c)?.name ?? c).join(', ') || null],
    ['Начало', s.startedOn ? formatDate(s.startedOn) : null],
    ['Затраты', COST_BAND_LABELS[s.costBand]],
    ['Уровень доказанности', s.evidenceLevel ? `${EVIDENCE_LABELS[s.evidenceLevel]}${s.evidenceReason ? ` — ${s.evidenceReason}` : ''}` : null],
    ['Авторы', s.authors.length ? s.authors.map((a) => `${a.name}${a.role ? `, ${a.role}` : ''}`).join('; ') : null],
    ['Опубликована', p.publishedAt ? formatDate(p.publishedAt) : null],
    ['Внедряют', p.adoptions > 0 ? pluralize(p.adoptions, ['школа', 'школы', 'школ']) : null],
  ];
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <nav aria-label="Навигация">
        <Link href="/public/practices">← Банк практик</Link>
      </nav>
      <article className="space-y-4">
        <h1 className="text-2xl font-semibold">{s.title}</h1>
        <p>{s.summary}</p>
        <dl className="grid grid-cols-[12rem_1fr] gap-x-3 gap-y-1 text-sm">
          {facts
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-600">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
        {s.problem && (
          <section aria-labelledby="problem-title">
            <h2 id="problem-title" className="text-lg font-semibold">
              Проблема
            </h2>
            <p className="whitespace-pre-line text-sm">{s.problem}</p>
          </section>
        )}
        <section aria-labelledby="body-title">
          <h2 id="body-title" className="text-lg font-semibold">
            Что было сделано
          </h2>
          <Markdown text={s.body} />
        </section>
        {s.resources && (
          <section aria-labelledby="resources-title">
            <h2 id="resources-title" className="text-lg font-semibold">
              Ресурсы
            </h2>
            <p className="whitespace-pre-line text-sm">{s.resources}</p>
          </section>
        )}
        {s.claimedResults && (
          <section aria-labelledby="results-title">
            <h2 id="results-title" className="text-lg font-semibold">
              Результаты по оценке авторов
            </h2>
            <p className="whitespace-pre-line text-sm">{s.claimedResults}</p>
          </section>
        )}
        {p.attachments.length > 0 && (
          <section aria-labelledby="files-title">
            <h2 id="files-title" className="text-lg font-semibold">
              Материалы
            </h2>
            <ul className="list-disc pl-5 text-sm">
              {p.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/public/practices/files/${a.id}`}>{a.fileName}</a> ({formatNumber(Math.round(a.sizeBytes / 1024))} КБ)
                </li>
              ))}
            </ul>
          </section>
        )}
      </article>
    </div>
  );
}
