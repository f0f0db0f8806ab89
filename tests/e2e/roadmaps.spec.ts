import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, LoginPage, mainMenu, signOut } from './support/pages';
import { RoadmapImportPage, RoadmapItemPage, RoadmapListPage, RoadmapPage } from './support/roadmaps';

const TABLE = [
  '№ п/п\tМероприятие\tСроки\tОтветственные\tПланируемый результат',
  'I. Организационные мероприятия',
  '1.1\tРазработка положения о сетевом партнёрстве\tМарт – август 2021\tУМЦ\tПоложение',
  '1.2\tСеминар для заместителей директоров\tДо 01.04.2021\tМОУО\tАналитический отчёт',
  'II. Методическое сопровождение',
  '2.1\tКонсультации по запросу школ\tПо мере обращения\tУМЦ\tРекомендации',
].join('\n');

async function createMunicipalRoadmap(page: Page, title: string) {
  await new RoadmapListPage(page).create({
    title,
    level: 'Муниципальная',
    owner: 'Берёзовский район',
    startYear: 2021,
    endYear: 2023,
    approvalDocument: 'Приказ № 17 от 21.01.2021',
  });
}

test('a coordinator pastes a table, previews and commits it, edits an item and marks it done', async ({ page, browser }) => {
  await new LoginPage(page).signInAndWait('coordinator@opora.demo');
  const title = `Дорожная карта e2e ${Date.now()}`;
  await createMunicipalRoadmap(page, title);
  const roadmap = new RoadmapPage(page);
  await expect(roadmap.overallProgress()).toContainText(/Выполнено 0 из 0/);

  await roadmap.tab('Импорт таблицы').click();
  const importPage = new RoadmapImportPage(page);
  await importPage.paste(TABLE);
  await expect(importPage.counts()).toContainText('Разделов: 2');
  await expect(importPage.counts()).toContainText('Новых мероприятий: 3');
  const firstSection = page.getByRole('region', { name: 'I. Организационные мероприятия' });
  await expect(firstSection).toContainText('до 01.04.2021');
  await expect(page.getByLabel('Сроки', { exact: true })).toHaveValue('2');
  await importPage.remap('Планируемый результат', '');
  await expect(firstSection).not.toContainText('Аналитический отчёт');
  await importPage.remap('Планируемый результат', '4');
  await expect(firstSection).toContainText('Аналитический отчёт');
  await expectAccessible(page);
  await importPage.commit();
  await importPage.paste(TABLE);
  await expect(importPage.counts()).toContainText('Без изменений: 3');

  await page.getByRole('link', { name: 'Мероприятия', exact: true }).click();
  await expect(roadmap.itemsTable().getByRole('link')).toHaveCount(3);
  await expect(roadmap.overallProgress()).toContainText(/Выполнено 0 из 3 \(0\s%\)/);
  await expect(roadmap.overallProgress()).toContainText('просрочено 2 мероприятия');
  await expectAccessible(page);

  await roadmap.openItem('Семинар для заместителей директоров');
  await expectAccessible(page);
  const itemUrl = page.url();
  const other = await browser.newContext();
  const stale = await other.newPage();
  await new LoginPage(stale).signInAndWait('coordinator@opora.demo');
  await stale.goto(itemUrl);

  const item = new RoadmapItemPage(page);
  await page.getByLabel('Ответственные').fill('МОУО, УМЦ');
  await item.save();
  await expect(item.status()).toHaveText('Изменения сохранены.');
  await item.setStatus('выполнено');
  await expect(item.status()).toHaveText('Изменения сохранены.');
  await page.reload();
  await expect(item.history()).toContainText('Статус: запланировано → выполнено');
  await expect(item.history()).toContainText('Ответственные: МОУО → МОУО, УМЦ');

  await stale.getByLabel('Мероприятие', { exact: true }).fill('Устаревшая правка');
  await stale.getByRole('button', { name: 'Сохранить мероприятие' }).click();
  await expect(stale.getByRole('main').getByRole('alert').first()).toHaveText(/уже изменена другим пользователем/);
  await other.close();

  await page.getByRole('link', { name: title }).click();
  await expect(roadmap.overallProgress()).toContainText(/Выполнено 1 из 3 \(33,3\s%\)/);
  await expect(roadmap.overallProgress()).toContainText('просрочено 1 мероприятие');
  await expect(roadmap.itemsTable().getByRole('link', { name: 'Устаревшая правка' })).toHaveCount(0);

  await roadmap.tab('Хронология').click();
  await expect(page.getByRole('region', { name: 'Мероприятия без срока' })).toContainText('Консультации по запросу школ');
  await expect(page.getByText('Срок: Март – август 2021; просрочено')).toBeAttached();
  await expectAccessible(page);

  await roadmap.tab('Версия для печати').click();
  await expect(page.getByText('Приказ № 17 от 21.01.2021')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Планируемый результат' })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText('Приказ № 17 от 21.01.2021')).toBeVisible();
  await expect(mainMenu(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Печать' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await new RoadmapListPage(page).goto();
  await expect(new RoadmapListPage(page).table().getByRole('row', { name: new RegExp(title) })).toContainText('33,3');
  await expectAccessible(page);
});

test('bulk status change updates progress; a progress report keeps a link and a downloadable file', async ({ page }) => {
  await new LoginPage(page).signInAndWait('coordinator@opora.demo');
  const title = `Массовая смена статуса ${Date.now()}`;
  await createMunicipalRoadmap(page, title);
  await new RoadmapPage(page).tab('Импорт таблицы').click();
  const importPage = new RoadmapImportPage(page);
  await importPage.paste(TABLE);
  await importPage.commit();
  await page.getByRole('link', { name: 'Перейти к дорожной карте' }).click();
  const roadmap = new RoadmapPage(page);
  await page.getByLabel('Выбрать: 1.1 Разработка положения о сетевом партнёрстве').check();
  await page.getByLabel('Выбрать: 2.1 Консультации по запросу школ').check();
  await page.getByLabel('Новый статус выбранных').selectOption({ label: 'выполнено' });
  await page.getByRole('button', { name: 'Изменить статус' }).click();
  await expect(page.getByRole('form', { name: 'Смена статуса выбранных мероприятий' }).getByRole('status')).toHaveText('Статус изменён у мероприятий: 2.');
  await expect(roadmap.overallProgress()).toContainText(/Выполнено 2 из 3 \(66,7\s%\)/);
  await page.getByLabel('Просрочка').selectOption({ label: 'только просроченные' });
  await expect(roadmap.itemsTable().getByRole('link')).toHaveText(['Семинар для заместителей директоров']);

  await roadmap.openItem('Семинар для заместителей директоров');
  await page.getByLabel('Дата', { exact: true }).fill('2021-03-25');
  await page.getByLabel('Что сделано').fill('Семинар проведён, 24 участника.');
  await page.getByLabel('Ссылки (по одной в строке)').fill('https://example.org/seminar');
  await page.getByLabel('Файлы').setInputFiles({ name: 'протокол.txt', mimeType: 'text/plain', buffer: Buffer.from('Протокол семинара', 'utf8') });
  await page.getByRole('button', { name: 'Добавить отчёт' }).click();
  const reports = page.getByTestId('report-list');
  await expect(reports).toContainText('25.03.2021');
  await expect(reports).toContainText('Семинар проведён, 24 участника.');
  await expect(reports.getByRole('link', { name: /example\.org\/seminar/ })).toBeVisible();
  const fileLink = reports.getByRole('link', { name: /протокол\.txt/ });
  const download = await page.request.get((await fileLink.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(await download.text()).toBe('Протокол семинара');
  await expectAccessible(page);

  // Files over the one evidence limit: the form says so before sending; a larger request gets a Russian 413, not 500.
  await expect(page.getByText('не больше 10 файлов, до 10 МБ всего')).toBeVisible();
  const sixMegabytes = Buffer.alloc(6 * 1024 * 1024, 0x41);
  await page.getByLabel('Файлы').setInputFiles([
    { name: 'а.txt', mimeType: 'text/plain', buffer: sixMegabytes },
    { name: 'б.txt', mimeType: 'text/plain', buffer: sixMegabytes },
  ]);
  await page.getByLabel('Что сделано').fill('Два больших файла');
  await page.getByRole('button', { name: 'Добавить отчёт' }).click();
  await expect(page.getByText('Файлы: вместе 12,0 МБ, допустимо до 10 МБ всего.').first()).toBeVisible();
  await expect(reports).not.toContainText('Два больших файла');
  const oversized = await page.request.post(page.url(), { headers: { 'Content-Type': 'text/plain' }, data: Buffer.alloc(13 * 1024 * 1024, 0x41) });
  expect(oversized.status()).toBe(413);
  expect(await oversized.text()).toContain('Запрос слишком большой');

  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['', '/timeline']) {
    await page.goto(`${roadmap.url()}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `горизонтальная прокрутка страницы ${path || '/'}`).toBeLessThanOrEqual(0);
  }
});

test('a school submits its road map and a methodologist approves it after commenting', async ({ page }) => {
  await new LoginPage(page).signInAndWait('school@opora.demo');
  const title = `Программа перехода в эффективный режим ${Date.now()}`;
  await new RoadmapListPage(page).create({ title, level: 'Школьная', owner: 'МКОУ «Осиновская ООШ»', startYear: 2026, endYear: 2027 });
  const roadmap = new RoadmapPage(page);
  await page.getByRole('link', { name: 'Изменить сведения' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Сведения о дорожной карте' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'История изменений' })).toContainText('создание');
  await expectAccessible(page);
  await page.getByRole('link', { name: title }).click();
  await roadmap.addSection('Учебная мотивация');
  await roadmap.renameSection('Учебная мотивация', 'Повышение учебной мотивации');
  await roadmap.addItem({ number: '1', activity: 'Внеурочные проекты для 5–9 классов', deadline: 'Сентябрь ежегодно' });
  await expect(page.getByRole('region', { name: 'По разделам' })).toContainText('Повышение учебной мотивации');
  await expect(roadmap.review()).toContainText('Обсуждения пока нет.');
  await roadmap.review().getByLabel('Комментарий к отправке (необязательно)').fill('Просим согласовать.');
  await roadmap.review().getByRole('button', { name: 'Отправить на согласование' }).click();
  // The submit form disappears once the road map is on review; the conversation shows the submission.
  await expect(roadmap.review().getByTestId('review-thread')).toContainText('отправил(а) на согласование');
  await expect(page.getByRole('main').getByText('на согласовании', { exact: true })).toBeVisible();
  await expectAccessible(page);
  const url = page.url();
  await signOut(page);

  await new LoginPage(page).signInAndWait('methodologist@opora.demo');
  await page.goto(url);
  await roadmap.openItem('Внеурочные проекты для 5–9 классов');
  await page.getByLabel('Комментарий к мероприятию').fill('Добавьте ответственных за проекты.');
  await page.getByRole('button', { name: 'Добавить комментарий' }).click();
  await expect(page.getByRole('region', { name: 'Замечания по мероприятию' })).toContainText('Добавьте ответственных за проекты.');
  await page.goto(url);
  await roadmap.review().getByLabel('Комментарий к утверждению (необязательно)').fill('Согласовано.');
  await roadmap.review().getByRole('button', { name: 'Утвердить' }).click();
  const thread = roadmap.review().getByTestId('review-thread');
  await expect(thread).toContainText('отправил(а) на согласование');
  await expect(thread).toContainText('Просим согласовать.');
  await expect(thread).toContainText('Добавьте ответственных за проекты.');
  await expect(thread).toContainText('утвердил(а)');
  await expect(page.getByRole('main').getByText('утверждена', { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('every view of every demo road map is accessible and shows its items', async ({ page }) => {
  // Four maps × four views, each with an axe check: far more work than one journey's default minute.
  test.setTimeout(240_000);
  await new LoginPage(page).signInAndWait('admin@opora.demo');
  const list = new RoadmapListPage(page);
  await list.goto();
  await expectAccessible(page);
  const hrefs = await list.table().getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThanOrEqual(4);
  const roadmap = new RoadmapPage(page);
  for (const href of hrefs) {
    await page.goto(href);
    await expect(roadmap.itemsTable().getByRole('link').first()).toBeVisible();
    await expectAccessible(page);
    await page.goto(`${href}/timeline`);
    await expect(page.getByRole('heading', { level: 3 }).first()).toBeVisible();
    await expectAccessible(page);
    await page.goto(`${href}/print`);
    await expect(page.getByRole('columnheader', { name: 'Мероприятия', exact: true })).toBeVisible();
    await expectAccessible(page);
  }
});
