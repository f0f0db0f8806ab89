import type { Metadata } from 'next';
import Link from 'next/link';
import { HistoryPanel } from '@/components/history/HistoryPanel';
import { Markdown } from '@/components/practices/Markdown';
import { MeasuredChange } from '@/components/practices/MeasuredChange';
import { PageHeader } from '@/components/shell/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { entityHistory } from '@/lib/audit/queries';
import { requireActor } from '@/lib/auth/session';
import { SUBJECTS } from '@/lib/classification/subjects';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format/ru';
import { orNotFound, pageParams } from '@/lib/page-guard';
import { PRACTICE_FIELD_LABELS, PRACTICE_VALUE_LABELS } from '@/lib/practices/history-labels';
import { COST_BAND_LABELS, DECISION_LABELS, EVIDENCE_LABELS, SETTLEMENT_NAMES, STATUS_LABELS } from '@/lib/practices/labels';
import { getPractice } from '@/lib/practices/queries';
import { addAttachmentsAction, adoptPracticeAction, archivePracticeAction, assignExpertAction, decidePracticeAction, publishPracticeAction, scorePracticeAction, submitPracticeAction } from '../actions';
import { AdoptForm, AssignForm, AttachForm, DecideForm, ScoreForm, StepButton } from '../StepForms';

export const metadata: Metadata = { title: 'Практика' };

const EVIDENCE_OPTIONS = Object.entries(EVIDENCE_LABELS).map(([value, label]) => ({ value, label }));
const subjectName = (code: string) => SUBJECTS.find((s) => s.code === code)?.name ?? code;

function Facts({ facts }: { facts: [string, string | null | undefined][] }) {
  return (
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
  );
}

export default async function PracticePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const actor = await requireActor();
  const d = await orNotFound(getPractice(actor, id));
  const p = d.practice;
  const history = await entityHistory(actor, 'practice', p.id);
  const can = (a: string) => d.actions.includes(a as never);
  const currentReviews = d.reviews.filter((r) => r.practiceVersion === p.revision);
  return (
    <>
      <PageHeader
        title={p.title}
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Банк практик', href: '/practices' }, { label: p.title }]}
        actions={
          can('edit') ? (
            <Link href={`/practices/${p.id}/edit`} className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white no-underline">
              {p.status === 'published' ? 'Начать новую версию' : 'Редактировать'}
            </Link>
          ) : null
        }
      >
        <p>
          {d.schoolName}
          {d.municipalityName ? `, ${d.municipalityName}` : ''}. Статус: <strong>{STATUS_LABELS[p.status]}</strong>, версия {p.revision}.
          {p.publishedVersion !== null && p.status === 'published' ? (
            <>
              {' '}
              <Link href={`/public/practices/${p.id}`}>Открытая страница</Link>
            </>
          ) : null}
        </p>
        {d.published && (
          <p className="mt-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
            Опубликована версия {p.publishedVersion} («{d.published.title}»); она остаётся в открытом каталоге, пока версия {p.revision} проходит экспертизу.
          </p>
        )}
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          <Panel id="about-title" title="О практике">
            <p className="text-sm font-medium">{p.summary}</p>
            <Facts
              facts={[
                ['Факторы риска (ФИОКО)', p.riskFactors.join('; ')],
                ['Проблема', p.problem],
                ['Местность', p.settlement ? SETTLEMENT_NAMES[p.settlement] : null],
                ['Обучающихся в школе', p.pupils !== null ? formatNumber(p.pupils) : null],
                ['Социальный кластер', p.socialCluster !== null ? String(p.socialCluster) : null],
                ['Классы', p.grades],
                ['Предметы', p.subjects.map(subjectName).join(', ')],
                ['Начало', p.startedOn ? formatDate(p.startedOn) : null],
                ['Затраты', COST_BAND_LABELS[p.costBand]],
                ['Ресурсы', p.resources],
                ['Метки', p.tags.join(', ')],
                ['Уровень доказанности', p.evidenceLevel ? `${EVIDENCE_LABELS[p.evidenceLevel]}${p.evidenceReason ? ` — ${p.evidenceReason}` : ''}` : 'ещё не установлен экспертизой'],
              ]}
            />
          </Panel>
          <Panel id="body-title" title="Что было сделано">
            <Markdown text={p.body} />
          </Panel>
          <Panel id="claimed-title" title="Результаты по оценке авторов">
            <p className="whitespace-pre-line text-sm">{p.claimedResults || 'Не указаны.'}</p>
          </Panel>
          <MeasuredChange schools={d.measured} />
          <Panel id="authors-title" title="Авторы и материалы">
            {d.authors.length === 0 ? (
              <p className="text-sm">Авторы не указаны.</p>
            ) : (
              <ul className="list-disc pl-5 text-sm">
                {d.authors.map((a, i) => (
                  <li key={i}>
                    {a.name}
                    {a.role ? `, ${a.role}` : ''} — {a.consentPublic ? 'согласие на публикацию имени есть' : 'имя в открытом каталоге не показывается'}
                  </li>
                ))}
              </ul>
            )}
            {d.attachments.length > 0 && (
              <ul className="list-disc pl-5 text-sm">
                {d.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/api/v1/practices/attachments/${a.id}`}>{a.fileName}</a> ({formatNumber(Math.round(a.sizeBytes / 1024))} КБ)
                  </li>
                ))}
              </ul>
            )}
            {can('edit') && <AttachForm action={addAttachmentsAction} id={p.id} version={p.version} />}
            {(d.roadmapItems.length > 0 || d.indicators.length > 0) && (
              <ul className="list-disc pl-5 text-sm">
                {d.roadmapItems.map((i) => (
                  <li key={i.id}>
                    Мероприятие: <Link href={`/roadmaps/${i.roadmapId}/items/${i.id}`}>{i.label}</Link>
                  </li>
                ))}
                {d.indicators.map((i) => (
                  <li key={i.id}>
                    Показатель: <Link href={`/indicators/${i.id}`}>{i.name}</Link>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </div>
        <div className="space-y-6">
          <Panel id="workflow-title" title="Экспертиза и публикация">
            {d.actions.filter((a) => a !== 'edit').length === 0 && <p className="text-sm text-slate-700">Сейчас у вас нет действий по этой практике.</p>}
            {can('submit') && <StepButton action={submitPracticeAction} id={p.id} version={p.version} label="Подать на экспертизу" />}
            {can('assign') && <AssignForm action={assignExpertAction} id={p.id} version={p.version} experts={d.experts.filter((e) => !e.conflict).map((e) => ({ value: e.id, label: `${e.name} (${e.organisation})` }))} />}
            {can('score') && d.openReview && <ScoreForm action={scorePracticeAction} reviewId={d.openReview.id} version={d.openReview.version} criteria={d.criteria} evidenceLevels={EVIDENCE_OPTIONS} />}
            {can('accept') && <DecideForm action={decidePracticeAction} id={p.id} version={p.version} evidenceLevels={EVIDENCE_OPTIONS} />}
            {can('publish') && <StepButton action={publishPracticeAction} id={p.id} version={p.version} label="Опубликовать" />}
            {can('archive') && <StepButton action={archivePracticeAction} id={p.id} version={p.version} label="Перенести в архив" variant="secondary" />}
            {can('adopt') && <AdoptForm action={adoptPracticeAction} id={p.id} />}
          </Panel>
          <Panel id="reviews-title" title="Экспертные заключения">
            {d.reviews.length === 0 ? (
              <p className="text-sm">Эксперты ещё не назначены.</p>
            ) : (
              <ol className="space-y-3 text-sm">
                {d.reviews.map((r) => (
                  <li key={r.id} className="rounded border border-slate-200 p-2">
                    <p className="font-medium">
                      {r.expertName}, версия {r.practiceVersion}: {r.submitted ? 'экспертиза завершена' : 'ожидается'}
                    </p>
                    {r.comment && <p className="whitespace-pre-line">{r.comment}</p>}
                    {r.evidenceLevel && <p>Предложенный уровень доказанности: {EVIDENCE_LABELS[r.evidenceLevel as keyof typeof EVIDENCE_LABELS]}{r.evidenceReason ? ` — ${r.evidenceReason}` : ''}</p>}
                    {r.scores && r.scores.length > 0 && (
                      <ul className="list-disc pl-5">
                        {r.scores.map((s) => (
                          <li key={s.criterionId}>
                            {s.title}
                            {s.score >= 0 ? `: ${s.score}` : ''}
                            {s.comment ? ` — ${s.comment}` : ''}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            )}
            {d.scoreSummary && d.scoreSummary.reviewsSubmitted > 0 && (
              <table className="w-full text-sm">
                <caption className="text-left font-medium">Средние баллы версии {p.revision} ({currentReviews.filter((r) => r.submitted).length} заключ.)</caption>
                <thead>
                  <tr>
                    <th scope="col" className="text-left">Критерий</th>
                    <th scope="col" className="text-right">Балл</th>
                  </tr>
                </thead>
                <tbody>
                  {d.scoreSummary.perCriterion.map((c) => (
                    <tr key={c.criterionId}>
                      <td>{c.title}</td>
                      <td className="text-right">{c.mean === null ? '—' : `${formatNumber(c.mean)} из ${c.maxScore}`}</td>
                    </tr>
                  ))}
                  <tr>
                    <td className="font-medium">Итого</td>
                    <td className="text-right font-medium">{d.scoreSummary.meanTotal === null ? '—' : `${formatNumber(d.scoreSummary.meanTotal)} из ${d.scoreSummary.maxTotal}`}</td>
                  </tr>
                </tbody>
              </table>
            )}
          </Panel>
          <Panel id="decisions-title" title="Решения и версии">
            <ol className="space-y-1 text-sm">
              {d.decisions.map((x, i) => (
                <li key={i}>
                  {formatDateTime(x.createdAt)} — {DECISION_LABELS[x.kind as keyof typeof DECISION_LABELS]} (версия {x.practiceVersion}), {x.authorName}
                  {x.comment ? `: ${x.comment}` : ''}
                </li>
              ))}
            </ol>
            <p className="text-sm">
              Версии:{' '}
              {d.versions.map((v) => `№ ${v.number} от ${formatDate(v.createdAt)} (${v.authorName})${v.number === p.publishedVersion ? ' — опубликована' : ''}`).join('; ')}
            </p>
            {d.adoptions.length > 0 && (
              <p className="text-sm">
                Внедряют: {d.adoptions.map((a) => `${a.schoolName} с ${formatDate(a.startedOn)}`).join('; ')}
              </p>
            )}
          </Panel>
          <HistoryPanel rows={history} fieldLabels={PRACTICE_FIELD_LABELS} valueLabels={PRACTICE_VALUE_LABELS} title="История практики" headingId="practice-history-title" />
        </div>
      </div>
    </>
  );
}
