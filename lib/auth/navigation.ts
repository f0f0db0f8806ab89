import type { Actor } from './actor';
import { type Action, can } from './policy';

export interface NavItem {
  href: string;
  label: string;
}

const SECTIONS: (NavItem & { action: Action })[] = [
  { href: '/tasks', label: 'Мои задачи', action: 'roadmap.read' },
  { href: '/roadmaps', label: 'Дорожные карты', action: 'roadmap.read' },
  { href: '/indicators', label: 'Показатели', action: 'indicator.read' },
  { href: '/practices', label: 'Банк практик', action: 'practice.read' },
  { href: '/schools', label: 'Школы', action: 'organisation.read' },
  { href: '/classification', label: 'Классификация', action: 'classification.read' },
  { href: '/reports', label: 'Отчёты', action: 'report.export' },
  { href: '/admin', label: 'Администрирование', action: 'admin.access' },
];

/** The main menu a user sees: the sections its role has any right in. */
export function navigationFor(actor: Actor | null): NavItem[] {
  return SECTIONS.filter((section) => can(actor, section.action)).map(({ href, label }) => ({ href, label }));
}
