/**
 * Demo practices of the fictional Заречная область: a dozen practices from the seeds' activities (наставничество,
 * сетевое взаимодействие с базовой школой, психолого-педагогическое сопровождение подготовки к ГИА, работа с
 * родителями…) in every state of the workflow, with expert reviews, decisions and adoptions. Written through the
 * same write core as real edits (lib/practices/write-core.ts), by the demo accounts where they exist and by
 * school teams and a methodologist of Светлогорск otherwise. Idempotent: skipped when the first one exists.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { organisations, practices } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { scopeOf } from '@/lib/auth/actor-store';
import type { RiskFactorName } from '@/lib/classification/risk';
import type { DemoContext } from '@/lib/demo/seed';
import { DEMO_USERS } from '@/lib/demo/data';
import type { EvidenceLevel } from '@/db/schema/practices';
import { adoptPracticeIn, assignExpertIn, createPracticeIn, criteriaOf, decidePracticeIn, publishPracticeIn, scorePracticeIn, submitPracticeIn, updatePracticeIn } from './write-core';
import type { CreatePracticeInput } from './schemas';
import { openReviewOf } from './access';

type Target = 'draft' | 'submitted' | 'under_review' | 'returned' | 'rejected' | 'accepted' | 'published' | 'revised';

interface DemoPractice {
  school: string;
  target: Target;
  fields: Omit<CreatePracticeInput, 'schoolId'>;
  /** Scores per criterion (5 criteria) and the expert's conclusion; evidence level proposed and decided. */
  review?: { scores: [number, number, number, number, number]; comment: string; evidence: EvidenceLevel; reason: string };
  decision?: string;
  adoptedBy?: { school: string; startedOn: string; note: string }[];
}

const R = (...f: RiskFactorName[]) => f;

export const DEMO_PRACTICES: readonly DemoPractice[] = [
  {
    school: 'ber-osinovka-oosh',
    target: 'published',
    fields: {
      title: 'Наставничество для молодых учителей математики в малокомплектной школе',
      summary: 'Опытный учитель соседней школы и молодой педагог работают парой: еженедельный разбор уроков и результатов диагностических работ, общий банк заданий для 5–9 классов.',
      problem: 'Два из трёх учителей математики — со стажем меньше трёх лет; по ВПР в 6 и 8 классах более трети работ на «2».',
      riskFactors: R('Дефицит педагогических кадров', 'Недостаточная предметная и методическая компетентность педагогических работников'),
      grades: '5–9',
      subjects: ['mathematics'],
      body: '## Что сделали\n\n1. Заключили договор о наставничестве с МБОУ «Кедровская СОШ № 1»: наставник — учитель высшей категории.\n2. Раз в неделю — онлайн-разбор одного урока по видеозаписи (40 минут).\n3. Раз в четверть — совместный анализ результатов диагностической работы по кодификатору ВПР.\n4. Собрали общий банк заданий по «дефицитным» темам: дроби, проценты, текстовые задачи.\n\n## Кто участвовал\n\nДва молодых учителя, наставник, заместитель директора по УВР.\n\n## Сроки\n\nСентябрь 2025 — май 2026, далее ежегодно.',
      resources: '1 час в неделю наставника (доплата из стимулирующего фонда), ноутбук с камерой.',
      costBand: 'low',
      claimedResults: 'Доля «2» по ВПР по математике в 6 классе снизилась с 36 до 18 %.',
      tags: 'наставничество, математика, ВПР',
      startedOn: '2025-02-01',
      authors: [
        { name: 'Фёдорова Наталья Ивановна', role: 'директор', consentPublic: true },
        { name: 'Лапина Ксения Андреевна', role: 'учитель математики', consentPublic: false },
      ],
    },
    review: { scores: [3, 2, 3, 3, 3], comment: 'Практика проста, переносима и отвечает на кадровый риск малокомплектных школ. Стоит приложить график разборов.', evidence: 'before_after', reason: 'Приведены результаты ВПР до и после начала.' },
    adoptedBy: [{ school: 'ber-vydrino-oosh', startedOn: '2025-09-01', note: 'Наставник из Кедровской СОШ № 2' }],
  },
  {
    school: 'ber-kedrovy-sosh-2',
    target: 'published',
    fields: {
      title: 'Сетевое взаимодействие с базовой школой: общие уроки физики и химии',
      summary: 'Базовая школа проводит лабораторные работы по физике и химии для учеников сельских школ округа: выездные дни раз в месяц и дистанционные практикумы.',
      problem: 'В сельских школах нет оборудования для лабораторных работ и нет учителей физики и химии на полную ставку.',
      riskFactors: R('Низкий уровень оснащения школы', 'Дефицит педагогических кадров'),
      grades: '7–11',
      subjects: ['physics', 'chemistry'],
      body: '## Модель\n\n- Договор о сетевой форме реализации программы между базовой школой и тремя сельскими школами.\n- **Выездной лабораторный день** раз в месяц: подвоз школьным автобусом.\n- Между выездами — дистанционные практикумы по видеосвязи.\n\n## График\n\nОктябрь — апрель, 7 выездных дней за год.',
      resources: 'Школьный автобус (7 рейсов в год), 2 учителя базовой школы по 4 часа в месяц.',
      costBand: 'moderate',
      claimedResults: 'Все ученики 9 классов выполнили обязательные лабораторные работы; средний балл ОГЭ по физике вырос на 3 балла.',
      tags: 'сетевая форма, лабораторные работы, базовая школа',
      startedOn: '2025-01-15',
      authors: [{ name: 'Голубева Марина Сергеевна', role: 'заместитель директора по УВР', consentPublic: true }],
    },
    review: { scores: [3, 3, 2, 2, 3], comment: 'Хорошо описана организация; затраты на подвоз нужно планировать заранее.', evidence: 'replicated', reason: 'Модель применяют три школы округа, две отметили внедрение в портале.' },
    adoptedBy: [
      { school: 'ber-pikhtovka-oosh', startedOn: '2025-03-01', note: '' },
      { school: 'ber-gremyachka-oosh', startedOn: '2025-09-01', note: 'Только химия' },
    ],
  },
  {
    school: 'svet-sosh-5',
    target: 'published',
    fields: {
      title: 'Психолого-педагогическое сопровождение подготовки к ГИА',
      summary: 'Педагог-психолог и классные руководители ведут выпускников группы риска: диагностика тревожности, индивидуальные консультации, пробные экзамены в условиях ППЭ.',
      problem: 'Каждый пятый выпускник 9 класса не сдавал ОГЭ с первого раза; высокая тревожность на экзамене.',
      riskFactors: R('Низкая учебная мотивация обучающихся', 'Высокая доля обучающихся с рисками учебной неуспешности'),
      grades: '9, 11',
      subjects: ['mathematics', 'russian'],
      body: '## Шаги\n\n1. Сентябрь: диагностика тревожности (шкала Прихожан) и мотивации.\n2. Октябрь — март: группа «Экзамен без стресса», 12 встреч.\n3. Три пробных экзамена в условиях, приближенных к ППЭ.\n4. Индивидуальный маршрут для каждого ученика группы риска: кто из учителей и когда консультирует.\n\n> Родители получают короткую памятку после каждого пробного экзамена.',
      resources: 'Педагог-психолог 4 часа в неделю, классные руководители.',
      costBand: 'none',
      claimedResults: 'Не сдавших ОГЭ с первого раза — 6 % против 21 % годом раньше.',
      tags: 'ГИА, ОГЭ, психолог, тревожность',
      startedOn: '2025-01-10',
      authors: [{ name: 'Орлова Вера Павловна', role: 'педагог-психолог', consentPublic: true }],
    },
    review: { scores: [3, 3, 3, 3, 2], comment: 'Чёткий план, измеримые результаты. Рекомендуется к распространению.', evidence: 'comparison', reason: 'Сравнение с двумя школами того же кластера, где сопровождения не было.' },
  },
  {
    school: 'ber-borovoe-sosh',
    target: 'published',
    fields: {
      title: 'Родительская суббота: вовлечение родителей в учёбу детей',
      summary: 'Раз в месяц родители приходят в школу на открытые уроки и практикум «Как помочь с домашним заданием», а классный руководитель показывает результаты класса.',
      problem: 'Родители редко бывают в школе; на собрания приходит меньше трети.',
      riskFactors: R('Низкий уровень вовлечённости родителей'),
      grades: '1–9',
      body: '## Формат\n\n- Первая суббота месяца, 10:00–12:00.\n- Открытые уроки, затем практикум для родителей.\n- Итоги диагностических работ класса — без фамилий.\n\n## Что помогло\n\nПриглашения через родительский чат и **личные звонки** классных руководителей.',
      resources: 'Классные руководители, 2 часа в месяц.',
      costBand: 'none',
      claimedResults: 'Посещаемость собраний выросла с 30 до 65 %.',
      tags: 'родители, открытые уроки',
      startedOn: '2025-02-01',
      authors: [{ name: 'Сергеева Людмила Викторовна', role: 'заместитель директора по ВР', consentPublic: true }],
    },
    review: { scores: [2, 2, 3, 3, 3], comment: 'Простая и дешёвая практика; результаты пока только по посещаемости.', evidence: 'experience', reason: 'Описание опыта без данных об учебных результатах.' },
    adoptedBy: [{ school: 'ber-sokolovo-sosh', startedOn: '2025-10-04', note: '' }],
  },
  {
    school: 'ber-pikhtovka-oosh',
    target: 'revised',
    fields: {
      title: 'Дистанционные консультации учителей-предметников для малокомплектной школы',
      summary: 'Учителя районного методического объединения ведут еженедельные онлайн-консультации для учеников по предметам, где в школе нет специалиста.',
      problem: 'В школе нет учителей информатики и иностранного языка; уроки ведут совместители.',
      riskFactors: R('Дефицит педагогических кадров', 'Риски низкой адаптивности учебного процесса'),
      grades: '5–9',
      subjects: ['informatics', 'foreign_language'],
      body: '## Как устроено\n\n1. РМО составило расписание: по 2 консультации в неделю.\n2. Ученики подключаются из компьютерного класса.\n3. Задания и проверка — в региональной образовательной платформе.',
      resources: 'Канал 10 Мбит/с, 6 ноутбуков, 4 часа учителей РМО в неделю.',
      costBand: 'low',
      claimedResults: 'Все ученики 9 класса получили допуск к ОГЭ по информатике.',
      tags: 'дистанционное обучение, РМО',
      startedOn: '2025-03-01',
      authors: [{ name: 'Власов Игорь Николаевич', role: 'директор', consentPublic: false }],
    },
    review: { scores: [3, 2, 2, 2, 2], comment: 'Полезно для малокомплектных школ; нужно описать, как организована проверка работ.', evidence: 'experience', reason: 'Описание опыта одной школы.' },
  },
  {
    school: 'svet-sosh-9',
    target: 'published',
    fields: {
      title: 'Языковая адаптация детей-инофонов: «Русский как второй»',
      summary: 'Для детей, плохо владеющих русским языком, — входная диагностика, малые группы по 4–6 человек и словарь предметных терминов для учителей-предметников.',
      problem: 'Каждый восьмой ученик начальной школы — инофон; учителя не знают, как вести урок для смешанного класса.',
      riskFactors: R('Низкое качество преодоления языковых и культурных барьеров'),
      grades: '1–6',
      subjects: ['russian', 'surrounding_world'],
      body: '## Этапы\n\n- Входная диагностика владения русским языком (устная речь, чтение).\n- Малые группы: 3 занятия в неделю после уроков.\n- Словарь из 300 предметных терминов с картинками.\n- Семинар для учителей: приёмы работы со смешанным классом.',
      resources: 'Учитель русского языка 6 часов в неделю; печать словарей.',
      costBand: 'moderate',
      claimedResults: 'Через полгода 70 % детей группы перешли на следующий уровень владения языком.',
      tags: 'инофоны, русский язык',
      startedOn: '2025-01-20',
      authors: [{ name: 'Ахмедова Лейла Рустамовна', role: 'учитель русского языка', consentPublic: true }],
    },
    review: { scores: [3, 2, 3, 2, 3], comment: 'Актуально для городских школ с мигрантами; стоит добавить данные ВПР.', evidence: 'before_after', reason: 'Диагностика на входе и через полгода.' },
  },
  {
    school: 'ber-zarechnoe-sosh',
    target: 'accepted',
    fields: {
      title: 'Кабинет «Точка роста» как ресурс для соседних школ',
      summary: 'Оборудование центра «Точка роста» используют ученики двух соседних школ по общему расписанию практических занятий.',
      problem: 'Соседние школы не имеют оборудования для естественнонаучных практикумов.',
      riskFactors: R('Низкий уровень оснащения школы'),
      grades: '7–9',
      subjects: ['biology', 'physics'],
      body: '## Расписание\n\nДва дня в неделю после 14:00 — занятия для гостей. Подвоз по графику школьного автобуса.',
      resources: 'Школьный автобус, педагог дополнительного образования.',
      costBand: 'low',
      claimedResults: '120 учеников соседних школ выполнили практические работы.',
      tags: 'Точка роста, оснащение',
      startedOn: '2025-09-01',
      authors: [{ name: 'Панова Ирина Олеговна', role: 'руководитель центра', consentPublic: true }],
    },
    review: { scores: [2, 2, 3, 2, 2], comment: 'Практика реалистична; результаты по учебным достижениям пока не измерены.', evidence: 'experience', reason: 'Описание опыта.' },
  },
  {
    school: 'ber-sosnovka-sosh',
    target: 'under_review',
    fields: {
      title: 'Индивидуальные образовательные маршруты для учеников с трудностями в обучении',
      summary: 'Для каждого ученика с двумя и более «2» в четверти — маршрут: какие темы восполнить, кто из учителей помогает, когда проверка.',
      problem: 'Много неуспевающих в 5–7 классах, помощь несистемная.',
      riskFactors: R('Высокая доля обучающихся с рисками учебной неуспешности'),
      grades: '5–7',
      body: '## Маршрут\n\n1. Диагностика дефицитов по предметам.\n2. План на четверть.\n3. Проверка раз в две недели.',
      costBand: 'none',
      claimedResults: 'Пока нет.',
      tags: 'ИОМ, неуспеваемость',
      startedOn: '2025-10-01',
      authors: [{ name: 'Киселёва Анна Борисовна', role: 'заместитель директора', consentPublic: true }],
    },
  },
  {
    school: 'ber-lebyazhye-sosh',
    target: 'submitted',
    fields: {
      title: 'Формирующее оценивание на уроках в 5–6 классах',
      summary: 'Учителя используют листы самооценки, критерии к заданиям и быструю обратную связь на каждом уроке.',
      problem: 'Ученики не понимают, за что получают отметку, и теряют интерес к учёбе.',
      riskFactors: R('Низкая учебная мотивация обучающихся', 'Недостаточная предметная и методическая компетентность педагогических работников'),
      grades: '5–6',
      body: '## Инструменты\n\n- Листы самооценки.\n- Критерии к каждому заданию.\n- «Светофор» в конце урока.',
      costBand: 'none',
      tags: 'формирующее оценивание, мотивация',
      startedOn: '2025-09-01',
      authors: [{ name: 'Дорофеева Олеся Игоревна', role: 'учитель', consentPublic: true }],
    },
  },
  {
    school: 'svet-oosh-8',
    target: 'returned',
    fields: {
      title: 'Клуб «Читаем вместе» для повышения мотивации к чтению',
      summary: 'Еженедельные встречи читательского клуба для 5–7 классов с обсуждением книг и читательскими дневниками.',
      problem: 'Низкие результаты по читательской грамотности.',
      riskFactors: R('Низкая учебная мотивация обучающихся'),
      grades: '5–7',
      subjects: ['literature', 'russian'],
      body: 'Клуб собирается по средам. Книги выбирают сами ученики.',
      costBand: 'none',
      tags: 'чтение, читательская грамотность',
      startedOn: '2025-09-10',
      authors: [{ name: 'Белкина Татьяна Юрьевна', role: 'библиотекарь', consentPublic: true }],
    },
    review: { scores: [2, 1, 2, 3, 2], comment: 'Не описаны шаги и сроки, нет данных о результатах. Добавьте план встреч и итоги диагностики читательской грамотности.', evidence: 'experience', reason: 'Данных о результатах нет.' },
    decision: 'Опишите шаги, сроки и кто участвует; приложите результаты диагностики читательской грамотности до и после.',
  },
  {
    school: 'svet-licey-2',
    target: 'rejected',
    fields: {
      title: 'Платные интенсивы вуза перед ЕГЭ',
      summary: 'Ученики 11 классов посещают платные интенсивы преподавателей вуза перед экзаменом.',
      problem: 'Высокие баллы ЕГЭ по профильной математике.',
      riskFactors: R('Высокая доля обучающихся с рисками учебной неуспешности'),
      grades: '11',
      subjects: ['mathematics_profile'],
      body: 'Лицей договорился с вузом о скидке для своих учеников на интенсивы.',
      costBand: 'significant',
      tags: 'ЕГЭ',
      startedOn: '2024-03-01',
      authors: [{ name: 'Рябов Константин Ильич', role: 'заместитель директора', consentPublic: true }],
    },
    review: { scores: [1, 1, 0, 0, 0], comment: 'Практика не отвечает на риски школ с низкими результатами и требует платы от семей.', evidence: 'experience', reason: 'Описание опыта.' },
    decision: 'Практика не соответствует положению о банке: услуга платная для семей, не воспроизводима в школах с низкими результатами и не отвечает на риски профиля.',
  },
  {
    school: 'ber-osinovka-oosh',
    target: 'draft',
    fields: {
      title: 'Школьная служба примирения',
      summary: 'Обученные ученики 8–9 классов вместе с социальным педагогом проводят примирительные встречи при конфликтах.',
      problem: 'Конфликты между учениками мешают учёбе.',
      riskFactors: R('Риски низкой адаптивности учебного процесса'),
      grades: '5–9',
      body: 'Черновик: опишем после первого полугодия работы службы.',
      costBand: 'none',
      tags: 'медиация',
      startedOn: '2025-11-01',
      authors: [{ name: 'Фёдорова Наталья Ивановна', role: 'директор', consentPublic: true }],
    },
  },
];

export const demoPracticeKey = (n: number) => `demo-practice-${n}`;

/** Seeds the demo practices once. Returns the practices created. */
export async function seedDemoPractices({ tx, organisationIds, userIds }: DemoContext): Promise<number> {
  const [exists] = await tx.select({ id: practices.id }).from(practices).where(eq(practices.externalKey, demoPracticeKey(1)));
  if (exists) return 0;
  const org = async (key: string) => {
    const id = organisationIds.get(key);
    if (!id) return null;
    const [row] = await tx.select().from(organisations).where(eq(organisations.id, id));
    return row ?? null;
  };
  const demoUser = async (login: string): Promise<Actor | null> => {
    const u = DEMO_USERS.find((x) => x.login === login);
    const id = userIds.get(login);
    const o = u ? await org(u.organisationKey) : null;
    return u && id && o ? { id, name: u.fullName, role: u.role, scope: scopeOf(o) } : null;
  };
  const [schoolUser, methodologist, expert, admin] = await Promise.all([demoUser('school@opora.demo'), demoUser('methodologist@opora.demo'), demoUser('expert@opora.demo'), demoUser('admin@opora.demo')]);
  const svetCentre = await org('svet-moc');
  if (!methodologist || !expert || !admin) return 0;
  const svetMethodologist: Actor | null = svetCentre ? { id: randomUUID(), name: 'Журавлёва Светлана Игоревна', role: 'methodologist', scope: scopeOf(svetCentre) } : null;
  const team = async (key: string): Promise<Actor | null> => {
    if (key === 'ber-osinovka-oosh' && schoolUser) return schoolUser;
    const o = await org(key);
    return o ? { id: randomUUID(), name: `Команда ${o.shortName ?? o.name}`, role: 'school_team', scope: scopeOf(o) } : null;
  };
  let created = 0;
  for (const [index, d] of DEMO_PRACTICES.entries()) {
    const author = await team(d.school);
    if (!author) continue;
    const berezovsky = d.school.startsWith('ber-');
    const coordinator = berezovsky ? methodologist : (svetMethodologist ?? admin);
    // The region's expert reviews Берёзовский район; Светлогорск's practices also go to the Берёзовский methodologist.
    const reviewer = berezovsky ? expert : methodologist;
    let p = await createPracticeIn(tx, author, { ...d.fields }, demoPracticeKey(index + 1));
    created += 1;
    if (d.target === 'draft') continue;
    p = await submitPracticeIn(tx, author, { id: p.id, version: p.version });
    if (d.target === 'submitted') continue;
    p = await assignExpertIn(tx, coordinator, { id: p.id, version: p.version, expertId: reviewer.id });
    if (d.target === 'under_review' || !d.review) continue;
    const review = await openReviewOf(tx, reviewer, p);
    const criteria = await criteriaOf(tx, p.regionId);
    await scorePracticeIn(tx, reviewer, {
      reviewId: review!.id,
      version: review!.version,
      comment: d.review.comment,
      evidenceLevel: d.review.evidence,
      evidenceReason: d.review.reason,
      scores: criteria.map((c, i) => ({ criterionId: c.id, score: d.review!.scores[i] ?? 2, comment: '' })),
    });
    if (d.target === 'returned' || d.target === 'rejected') {
      await decidePracticeIn(tx, coordinator, { id: p.id, version: p.version, kind: d.target === 'returned' ? 'return' : 'reject', comment: d.decision ?? d.review.comment });
      continue;
    }
    p = await decidePracticeIn(tx, coordinator, { id: p.id, version: p.version, kind: 'accept', comment: '', evidenceLevel: d.review.evidence, evidenceReason: d.review.reason });
    if (d.target === 'accepted') continue;
    p = await publishPracticeIn(tx, coordinator, { id: p.id, version: p.version });
    for (const a of d.adoptedBy ?? []) {
      const adopter = await team(a.school);
      if (adopter) await adoptPracticeIn(tx, adopter, { id: p.id, startedOn: a.startedOn, note: a.note });
    }
    if (d.target === 'revised') {
      await updatePracticeIn(tx, author, {
        ...d.fields,
        id: p.id,
        version: p.version,
        body: `${d.fields.body}\n\n## Проверка работ (добавлено во второй версии)\n\nРаботы проверяют учителя РМО в течение трёх дней; итоги — в электронном журнале школы.`,
      });
    }
  }
  return created;
}
