import { expect, type Page } from '@playwright/test';

export interface NewRoadmap {
  title: string;
  level: 'Региональная' | 'Муниципальная' | 'Школьная';
  owner: string;
  startYear: number;
  endYear: number;
  approvalDocument?: string;
}

/** The road-map list and its create form. */
export class RoadmapListPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/roadmaps');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Дорожные карты' })).toBeVisible();
  }

  table() {
    return this.page.getByRole('table', { name: 'Дорожные карты' });
  }

  /** Creates a road map and lands on its page. */
  async create(roadmap: NewRoadmap) {
    await this.goto();
    await this.page.getByRole('link', { name: 'Создать дорожную карту' }).click();
    await this.page.getByLabel('Уровень').selectOption({ label: roadmap.level });
    await this.page.getByLabel('Организация-владелец').selectOption({ label: roadmap.owner });
    await this.page.getByLabel('Название').fill(roadmap.title);
    await this.page.getByLabel('Начало периода, год').fill(String(roadmap.startYear));
    await this.page.getByLabel('Окончание периода, год').fill(String(roadmap.endYear));
    if (roadmap.approvalDocument) await this.page.getByLabel('Утверждающий документ').fill(roadmap.approvalDocument);
    await this.page.getByRole('button', { name: 'Создать' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: roadmap.title })).toBeVisible();
  }
}

/** One road map: progress, the items table, the add forms, the review panel. */
export class RoadmapPage {
  constructor(private readonly page: Page) {}

  url() {
    return this.page.url().replace(/\/(timeline|import|print|edit|items\/.*)$/, '');
  }

  overallProgress() {
    return this.page.getByRole('region', { name: 'Ход исполнения' }).getByTestId('progress-summary');
  }

  itemsTable() {
    return this.page.getByRole('table', { name: 'Мероприятия дорожной карты' });
  }

  tab(name: 'Мероприятия' | 'Хронология' | 'Импорт таблицы' | 'Версия для печати') {
    return this.page.getByRole('navigation', { name: 'Разделы дорожной карты' }).getByRole('link', { name });
  }

  async openItem(activity: string) {
    await this.itemsTable().getByRole('link', { name: activity }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: new RegExp(activity) })).toBeVisible();
  }

  async addSection(title: string) {
    await this.page.locator('summary', { hasText: 'Добавить раздел' }).click();
    await this.page.getByLabel('Название раздела').fill(title);
    await this.page.getByRole('button', { name: 'Добавить раздел' }).click();
    await expect(this.page.getByRole('main').getByRole('status').filter({ hasText: 'Раздел добавлен.' })).toBeVisible();
  }

  async renameSection(title: string, newTitle: string) {
    await this.page.locator('summary', { hasText: 'Изменить разделы' }).click();
    const form = this.page.getByRole('group', { name: `Раздел «${title}»` });
    await form.getByLabel('Название', { exact: true }).fill(newTitle);
    await form.getByRole('button', { name: 'Сохранить раздел' }).click();
    await expect(this.page.getByRole('main').getByRole('status').filter({ hasText: 'Раздел сохранён.' })).toBeVisible();
  }

  async addItem(item: { number: string; activity: string; deadline: string }) {
    await this.page.locator('summary', { hasText: 'Добавить мероприятие' }).click();
    await this.page.getByLabel('№', { exact: true }).fill(item.number);
    await this.page.getByLabel('Мероприятие', { exact: true }).fill(item.activity);
    await this.page.getByLabel('Сроки (как в документе)').fill(item.deadline);
    await this.page.getByRole('button', { name: 'Добавить мероприятие' }).click();
    await expect(this.page.getByRole('main').getByRole('status').filter({ hasText: 'Мероприятие добавлено.' })).toBeVisible();
  }

  review() {
    return this.page.getByRole('region', { name: 'Согласование' });
  }
}

/** The import page: paste or upload, preview, re-map, commit. */
export class RoadmapImportPage {
  constructor(private readonly page: Page) {}

  async paste(text: string) {
    await this.page.getByLabel('Вставьте таблицу из Word или Excel').fill(text);
    await this.page.getByRole('button', { name: 'Показать предпросмотр' }).click();
    await expect(this.page.getByRole('heading', { name: '3. Предпросмотр' })).toBeVisible();
  }

  counts() {
    return this.page.getByTestId('import-counts');
  }

  /** Points a road-map column at another column of the table ('' — none) and refreshes the preview. */
  async remap(column: string, value: string) {
    await this.page.getByLabel(column, { exact: true }).selectOption(value);
    await this.page.getByRole('button', { name: 'Обновить предпросмотр' }).click();
  }

  async commit() {
    await this.page.getByRole('button', { name: 'Импортировать' }).click();
    await expect(this.page.getByRole('heading', { name: 'Импорт выполнен' })).toBeVisible();
  }
}

/** The page of one item: edit form, progress reports, history. */
export class RoadmapItemPage {
  constructor(private readonly page: Page) {}

  async setStatus(label: string) {
    await this.page.getByLabel('Статус', { exact: true }).selectOption({ label });
    await this.save();
  }

  async save() {
    await this.page.getByRole('button', { name: 'Сохранить мероприятие' }).click();
  }

  status() {
    return this.page.getByRole('main').getByRole('status');
  }

  history() {
    return this.page.getByRole('region', { name: 'История изменений' });
  }
}
