import { expect, test } from '@playwright/test';
import { expectAccessible, LoginPage, signOut } from './support/pages';

const TITLE = 'Урок-практикум по дробям в разновозрастной группе';

test('a school submits a practice with an attachment, an expert scores it, the methodologist publishes it, the public catalogue and a school with the same risk show it', async ({ page }) => {
  test.setTimeout(180_000);
  // The school describes its practice and submits it.
  await new LoginPage(page).signInAndWait('school@opora.demo');
  await page.goto('/practices/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Новая практика' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Название').fill(TITLE);
  await page.getByLabel('Краткое описание').fill('Ученики 5–6 классов решают задачи на дроби в разновозрастных парах; старшие объясняют младшим.');
  await page.getByLabel('Высокая доля обучающихся с рисками учебной неуспешности').check();
  await page.getByLabel('Что было сделано').fill('## Шаги\n\n1. Составили пары.\n2. Раз в неделю — урок-практикум.\n\n<script>alert(1)</script>');
  await page.getByLabel('ФИО автора 1').fill('Фёдорова Наталья Ивановна');
  await page.locator('#author0Consent').check();
  await page.getByRole('button', { name: 'Сохранить черновик' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText(/Статус: черновик, версия/)).toBeVisible();
  await page.locator('#files').setInputFiles({ name: 'план-уроков.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% план\n') });
  await page.getByRole('button', { name: 'Приложить' }).click();
  await expect(page.getByRole('link', { name: 'план-уроков.pdf' })).toBeVisible();
  await page.getByRole('button', { name: 'Подать на экспертизу' }).click();
  // The step's button is gone once taken: the status says what happened.
  await expect(page.getByText(/Статус: подана на экспертизу, версия/)).toBeVisible();
  await expectAccessible(page);
  const url = page.url();
  await signOut(page);

  // The methodologist assigns the region's expert.
  await new LoginPage(page).signInAndWait('methodologist@opora.demo');
  await page.goto(url);
  await page.getByLabel('Эксперт', { exact: true }).selectOption({ label: 'Григорьев Дмитрий Олегович (Заречная обл.)' });
  await page.getByRole('button', { name: 'Назначить эксперта' }).click();
  await expect(page.getByText('Эксперт назначен.')).toBeVisible();
  await signOut(page);

  // The expert scores every criterion.
  await new LoginPage(page).signInAndWait('expert@opora.demo');
  await page.goto(url);
  for (const select of await page.getByLabel('Оценка (0–3)').all()) await select.selectOption('3');
  await page.getByLabel('Заключение эксперта').fill('Практика проста и переносима, результаты стоит подтвердить ВПР.');
  await page.getByLabel('Уровень доказанности').selectOption({ label: 'описание опыта' });
  await page.getByLabel('Обоснование уровня').fill('Есть только описание опыта школы.');
  await page.getByRole('button', { name: 'Завершить экспертизу' }).click();
  await expect(page.getByText(/Григорьев Дмитрий Олегович, версия 1: экспертиза завершена/)).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The methodologist accepts and publishes.
  await new LoginPage(page).signInAndWait('methodologist@opora.demo');
  await page.goto(url);
  await page.getByLabel('Решение').selectOption('accept');
  await page.getByLabel('Уровень доказанности (при принятии)').selectOption({ label: 'описание опыта' });
  await page.getByLabel('Обоснование уровня').fill('Описание опыта одной школы, данных до и после нет.');
  await page.getByRole('button', { name: 'Принять решение' }).click();
  await expect(page.getByText(/Статус: принята к публикации, версия/)).toBeVisible();
  await page.getByRole('button', { name: 'Опубликовать' }).click();
  await expect(page.getByText(/Статус: опубликована, версия/)).toBeVisible();
  await signOut(page);

  // Everyone finds it in the public catalogue, stemmed («дроби» → «дробям»), without the script.
  await page.goto('/public/practices?q=дроби');
  await expect(page.getByRole('heading', { level: 1, name: 'Банк эффективных практик' })).toBeVisible();
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText('Фёдорова Наталья Ивановна')).toBeVisible();
  await expect(page.getByRole('link', { name: 'план-уроков.pdf' })).toBeVisible();
  expect(await page.locator('article script').count()).toBe(0);
  await expectAccessible(page);

  // A demo school with the same risk finds it among «Практики для ваших рисков», with the reason.
  await new LoginPage(page).signInAndWait('coordinator@opora.demo');
  await page.goto('/practices?q=дробям');
  await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/schools');
  await page.getByRole('link', { name: 'МКОУ «СОШ ст. Луговая»' }).first().click();
  const panel = page.getByRole('region', { name: 'Практики для ваших рисков' });
  await expect(panel.getByRole('link', { name: TITLE })).toBeVisible();
  await expect(panel.getByText('Отвечает на ваш риск «Высокая доля обучающихся с рисками учебной неуспешности»').first()).toBeVisible();
  await expectAccessible(page);
});
