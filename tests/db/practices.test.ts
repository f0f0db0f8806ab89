import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations, users, type Organisation } from '@/db/schema';
import type { Role } from '@/db/schema/users';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import {
  addAttachments,
  adoptPractice,
  assignExpert,
  createPractice,
  decidePractice,
  exportPractices,
  getPractice,
  getPublicPractice,
  openPracticeAttachment,
  practicesForSchool,
  publishPractice,
  scorePractice,
  searchPractices,
  searchPublicPractices,
  submitPractice,
  updatePractice,
} from '@/lib/practices/queries';
import type { CreatePracticeInput } from '@/lib/practices/schemas';
import { snippetParts } from '@/lib/practices/search';
import { createWorld, uniqueOgrn, type World } from './fixtures';

let world: World;
let schoolC: Organisation;
let authorTeam: Actor;
let otherTeam: Actor;
let methodologist: Actor;
let expert: Actor;
let conflictedExpert: Actor;

async function user(role: Role, org: Organisation): Promise<Actor> {
  const a = world.actor(role, org);
  await getDb().insert(users).values({ id: a.id, login: `${randomUUID()}@test`, name: `${a.name} ${a.id.slice(0, 4)}`, passwordHash: 'x', role, organisationId: org.id });
  return { ...a, name: `${a.name} ${a.id.slice(0, 4)}` };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

const unique = randomUUID().slice(0, 6);

function fields(overrides: Partial<CreatePracticeInput> = {}): CreatePracticeInput {
  return {
    title: `Наставничество молодых учителей математики ${unique}`,
    summary: 'Пары «опытный — молодой учитель» разбирают уроки и результаты диагностических работ каждую неделю.',
    problem: 'Молодые учителя не справляются с подготовкой к ОГЭ.',
    riskFactors: ['Дефицит педагогических кадров', 'Недостаточная предметная и методическая компетентность педагогических работников'],
    body: '## Шаги\n\n1. Назначили наставников.\n2. Еженедельные взаимопосещения уроков по математике.\n\n<script>alert(1)</script>',
    costBand: 'none',
    tags: 'наставничество, ОГЭ',
    startedOn: '2024-09-01',
    subjects: ['mathematics'],
    authors: [
      { name: 'Петрова Анна Сергеевна', role: 'учитель математики', consentPublic: true },
      { name: 'Скрытый Автор Иванович', role: 'завуч', consentPublic: false },
    ],
    ...overrides,
  };
}

beforeAll(async () => {
  world = await createWorld();
  const [c] = await getDb()
    .insert(organisations)
    .values({ kind: 'school', name: `Школа В ${unique}`, ogrn: uniqueOgrn(), parentId: world.munA.id, regionId: world.region.id, municipalityId: world.munA.id })
    .returning();
  schoolC = c!;
  authorTeam = await user('school_team', world.schoolA);
  otherTeam = await user('school_team', world.schoolB);
  methodologist = await user('methodologist', world.centerA);
  expert = await user('expert', world.region);
  conflictedExpert = await user('expert', world.schoolA);
});

/** A practice taken through the whole workflow to publication. */
async function published(overrides: Partial<CreatePracticeInput> = {}, pdf?: Uint8Array) {
  let p = await createPractice(authorTeam, fields(overrides));
  if (pdf) p = await addAttachments(authorTeam, p.id, p.version, [{ filename: 'опубликованный.pdf', bytes: pdf }]);
  p = await submitPractice(authorTeam, { id: p.id, version: p.version });
  p = await assignExpert(methodologist, { id: p.id, version: p.version, expertId: expert.id });
  const detail = await getPractice(expert, p.id);
  const criteria = detail.criteria;
  await scorePractice(expert, {
    reviewId: detail.openReview!.id,
    version: detail.openReview!.version,
    comment: 'Практика понятна и переносима в другие школы.',
    evidenceLevel: 'before_after',
    evidenceReason: 'Есть результаты диагностики до и после.',
    scores: criteria.map((c) => ({ criterionId: c.id, score: 2, comment: 'Хорошо' })),
  });
  p = await decidePractice(methodologist, { id: p.id, version: p.version, kind: 'accept', comment: '', evidenceLevel: 'before_after', evidenceReason: 'Данные до и после по ОГЭ.' });
  p = await publishPractice(methodologist, { id: p.id, version: p.version });
  return p;
}

describe('practice workflow', () => {
  it('takes a practice from draft to publication, with audit, and shows the author comments but not scores before the decision', async () => {
    let p = await createPractice(authorTeam, fields({ title: `Сетевое взаимодействие с базовой школой ${unique}` }));
    expect(p.status).toBe('draft');
    expect(await failure(submitPractice(otherTeam, { id: p.id, version: p.version }))).toBe('not_found');
    expect(await failure(assignExpert(methodologist, { id: p.id, version: p.version, expertId: expert.id }))).toBe('conflict');
    p = await submitPractice(authorTeam, { id: p.id, version: p.version });
    expect(await failure(submitPractice(authorTeam, { id: p.id, version: p.version - 1 }))).toBe('conflict');
    // The expert-conflict rule: an expert of the author school is refused.
    expect(await failure(assignExpert(methodologist, { id: p.id, version: p.version, expertId: conflictedExpert.id }))).toBe('conflict');
    expect(await failure(assignExpert(authorTeam, { id: p.id, version: p.version, expertId: expert.id }))).toBe('forbidden');
    p = await assignExpert(methodologist, { id: p.id, version: p.version, expertId: expert.id });
    expect(p.status).toBe('under_review');
    const forExpert = await getPractice(expert, p.id);
    expect(forExpert.actions).toContain('score');
    await scorePractice(expert, {
      reviewId: forExpert.openReview!.id,
      version: forExpert.openReview!.version,
      comment: 'Добавьте данные о результатах ОГЭ за два года.',
      evidenceLevel: 'experience',
      evidenceReason: 'Пока только описание опыта.',
      scores: forExpert.criteria.map((c) => ({ criterionId: c.id, score: 1, comment: 'Нужны данные' })),
    });
    const forAuthor = await getPractice(authorTeam, p.id);
    expect(forAuthor.reviews[0]!.comment).toContain('ОГЭ');
    expect(forAuthor.reviews[0]!.scores?.every((s) => s.score === -1)).toBe(true);
    expect(forAuthor.scoreSummary).toBeNull();
    expect(await failure(decidePractice(methodologist, { id: p.id, version: p.version, kind: 'return', comment: '' }))).toBe('validation');
    p = await decidePractice(methodologist, { id: p.id, version: p.version, kind: 'return', comment: 'Добавьте результаты ОГЭ до и после.' });
    expect(p.status).toBe('returned');
    const after = await getPractice(authorTeam, p.id);
    expect(after.reviews[0]!.scores?.[0]!.score).toBe(1);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.entityId, p.id));
    expect(audit.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps the published version visible while a new one is reviewed', async () => {
    const p = await published({ title: `Работа с родителями выпускников ${unique}` });
    expect(p.status).toBe('published');
    const edited = await updatePractice(authorTeam, { ...fields({ title: `Работа с родителями выпускников, версия 2 ${unique}` }), id: p.id, version: p.version });
    expect(edited.status).toBe('draft');
    expect(edited.revision).toBe(2);
    const pub = await getPublicPractice(p.id);
    expect(pub.snapshot.title).toBe(`Работа с родителями выпускников ${unique}`);
    expect(pub.snapshot.authors.map((a) => a.name)).toEqual(['Петрова Анна Сергеевна']);
    const staff = await getPractice(methodologist, p.id);
    expect(staff.published?.title).toBe(`Работа с родителями выпускников ${unique}`);
    expect(staff.versions.map((v) => v.number)).toEqual([2, 1]);
  });

  it('lets another school adopt a published practice and suggests it for matching risks', async () => {
    const p = await published({ title: `Психолого-педагогическое сопровождение подготовки к ГИА ${unique}`, riskFactors: ['Низкая учебная мотивация обучающихся'] });
    expect(await failure(adoptPractice(authorTeam, { id: p.id, startedOn: '2025-09-01' }))).not.toBe('ok');
    await adoptPractice(otherTeam, { id: p.id, startedOn: '2025-09-01', note: 'Начали с 9-х классов' });
    expect(await failure(adoptPractice(otherTeam, { id: p.id, startedOn: '2025-09-01' }))).toBe('conflict');
    const detail = await getPractice(methodologist, p.id);
    expect(detail.adoptions).toHaveLength(1);
    expect(detail.measured.map((m) => m.role)).toEqual(['author', 'adopter']);
    const suggestions = await practicesForSchool(methodologist, schoolC.id, { riskFactors: ['Низкая учебная мотивация обучающихся'], cluster: null });
    const mine = suggestions.find((s) => s.id === p.id);
    expect(mine?.reason).toContain('Низкая учебная мотивация обучающихся');
    expect(await practicesForSchool(methodologist, schoolC.id, { riskFactors: ['Низкий уровень оснащения школы'], cluster: null })).not.toContainEqual(expect.objectContaining({ id: p.id }));
  });

  it('stores attachments checked by content and downloads them', async () => {
    const p = await createPractice(authorTeam, fields({ title: `Практика с приложением ${unique}` }));
    const pdf = new TextEncoder().encode('%PDF-1.4\n% test\n');
    expect(await failure(addAttachments(authorTeam, p.id, p.version, [{ filename: 'virus.pdf', bytes: new TextEncoder().encode('MZ....') }]))).toBe('unsupported_media_type');
    await addAttachments(authorTeam, p.id, p.version, [{ filename: 'план.pdf', bytes: pdf }]);
    const detail = await getPractice(authorTeam, p.id);
    expect(detail.attachments.map((a) => a.fileName)).toEqual(['план.pdf']);
    const file = await openPracticeAttachment(authorTeam, detail.attachments[0]!.id);
    expect(file.size).toBe(pdf.length);
    // A draft's attachment is not public.
    expect(await failure(openPracticeAttachment(null, detail.attachments[0]!.id))).toBe('not_found');
    // The published version's files are public; a file added to a new version is not, until it is published.
    const pub = await published({ title: `Опубликованная с файлом ${unique}` }, pdf);
    const [publicFile] = (await getPublicPractice(pub.id)).attachments;
    expect((await openPracticeAttachment(null, publicFile!.id)).size).toBe(pdf.length);
    const revised = await updatePractice(authorTeam, { ...fields({ title: `Опубликованная с файлом ${unique}` }), id: pub.id, version: pub.version });
    await addAttachments(authorTeam, revised.id, revised.version, [{ filename: 'новый.pdf', bytes: pdf }]);
    const staffFiles = (await getPractice(authorTeam, pub.id)).attachments;
    expect(staffFiles.map((f) => f.fileName)).toEqual(['опубликованный.pdf', 'новый.pdf']);
    expect((await getPublicPractice(pub.id)).attachments.map((f) => f.fileName)).toEqual(['опубликованный.pdf']);
    expect(await failure(openPracticeAttachment(null, staffFiles[1]!.id))).toBe('not_found');
  });
});

describe('practice search', () => {
  beforeAll(async () => {
    await published({ title: `Математика без страха ${unique}`, summary: 'Ежедневные пятиминутки устного счёта и разбор ошибок ВПР в 5–6 классах.' });
    await published({ title: `Ёлочка успеха ${unique}`, summary: 'Маршрут индивидуальных достижений с еженедельной обратной связью.' });
    await createPractice(authorTeam, fields({ title: `Черновик по математике ${unique}` }));
  });

  it('is stemmed: «математике» finds «Математика …» and ranks the title match first', async () => {
    const result = await searchPractices(methodologist, { q: 'математике' });
    const titles = result.rows.map((r) => r.title);
    expect(titles).toContain(`Математика без страха ${unique}`);
    expect(result.rows.find((r) => r.title.startsWith('Математика без страха'))!.snippet.length).toBeGreaterThanOrEqual(0);
    const school = await searchPractices(methodologist, { q: 'школами' });
    expect(school.rows.some((r) => r.title.startsWith('Сетевое') || r.title.startsWith('Психолого'))).toBe(true);
  });

  it('folds ё and е both ways and tolerates typos', async () => {
    expect((await searchPractices(methodologist, { q: 'елочка' })).rows.map((r) => r.title)).toContain(`Ёлочка успеха ${unique}`);
    expect((await searchPractices(methodologist, { q: 'счет' })).rows.map((r) => r.title)).toContain(`Математика без страха ${unique}`);
    expect((await searchPractices(methodologist, { q: 'математека' })).rows.map((r) => r.title)).toContain(`Математика без страха ${unique}`);
  });

  it('filters with counts, and the public catalogue shows only published practices', async () => {
    const filtered = await searchPractices(methodologist, { q: '', riskFactor: 'Низкая учебная мотивация обучающихся' });
    expect(filtered.rows.every((r) => r.riskFactors.includes('Низкая учебная мотивация обучающихся'))).toBe(true);
    expect(filtered.counts.status.length).toBeGreaterThan(0);
    const publicResult = await searchPublicPractices({ q: 'математике' });
    expect(publicResult.rows.map((r) => r.title)).toContain(`Математика без страха ${unique}`);
    expect(publicResult.rows.map((r) => r.title)).not.toContain(`Черновик по математике ${unique}`);
    const staff = await searchPractices(authorTeam, { q: 'черновик' });
    expect(staff.rows.map((r) => r.title)).toContain(`Черновик по математике ${unique}`);
    const other = await searchPractices(otherTeam, { q: 'черновик' });
    expect(other.rows.map((r) => r.title)).not.toContain(`Черновик по математике ${unique}`);
  });

  it('ranks a title match above a summary match above a body-only match, and a typo-only title last; highlights the body word; pages and counts agree', async () => {
    const neutral = 'Еженедельные встречи команды школы и разбор результатов за четверть.';
    await createPractice(authorTeam, fields({ title: `Экскурсии в природу ${unique}`, summary: neutral, body: 'Дети пополняют школьным гербарием кабинет биологии.' }));
    await createPractice(authorTeam, fields({ title: `Гербарный альбом класса ${unique}`, summary: neutral, body: 'Альбом рисунков растений.' }));
    await createPractice(authorTeam, fields({ title: `Летняя практика ${unique}`, summary: 'Ученики собирают гербарий и описывают растения своего села.', body: 'Маршруты по окрестностям.' }));
    await createPractice(authorTeam, fields({ title: `Школьный гербарий ${unique}`, summary: neutral, body: 'Коллекция засушенных растений.' }));
    const result = await searchPractices(authorTeam, { q: 'гербарий' });
    const mine = result.rows.filter((r) => r.title.endsWith(unique));
    expect(mine.map((r) => r.title)).toEqual([`Школьный гербарий ${unique}`, `Летняя практика ${unique}`, `Экскурсии в природу ${unique}`, `Гербарный альбом класса ${unique}`]);
    expect(mine.map((r) => r.rank)).toEqual([...mine.map((r) => r.rank)].sort((a, b) => b - a));
    // Found only in the body («гербарием», stemmed): its snippet marks the word.
    const body = snippetParts(mine[2]!.snippet);
    expect(body.filter((p) => p.hit).map((p) => p.text)).toContain('гербарием');
    // Paging keeps the order; the total and each facet's counts describe the same matches.
    const first = await searchPractices(authorTeam, { q: 'гербарий', pageSize: 2 });
    const second = await searchPractices(authorTeam, { q: 'гербарий', pageSize: 2, page: 2 });
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(result.rows.slice(0, 4).map((r) => r.id));
    expect(first.total).toBe(result.total);
    expect(result.counts.costBand.reduce((n, c) => n + c.count, 0)).toBe(result.total);
    expect(result.counts.status.reduce((n, c) => n + c.count, 0)).toBe(result.total);
    // A chosen filter narrows the rows and the total, and its own facet still counts the alternatives.
    const narrowed = await searchPractices(authorTeam, { q: 'гербарий', costBand: 'low' });
    expect(narrowed.total).toBe(0);
    expect(narrowed.counts.costBand.find((c) => c.value === 'none')?.count).toBe(result.counts.costBand.find((c) => c.value === 'none')?.count);
    // Sorted by date, the newest first.
    const byDate = await searchPractices(authorTeam, { q: 'гербарий', sort: 'date' });
    expect(byDate.rows.filter((r) => r.title.endsWith(unique))[0]!.title).toBe(`Школьный гербарий ${unique}`);
  });

  it('exports a search result as CSV with Russian labels', async () => {
    const file = await exportPractices(methodologist, { q: 'математике' }, 'csv');
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toContain(`Математика без страха ${unique}`);
    expect(text).toContain('без затрат');
    expect(file.fileName).toBe('practices.csv');
  });
});
