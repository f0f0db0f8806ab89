import { PageHeader } from './PageHeader';

/** Sections whose content arrives with later issues: a page that says what will be here, not an empty screen. */
export const UPCOMING_SECTIONS = {
  indicators: {
    title: 'Показатели',
    description: 'Каталог показателей, базовые и целевые значения по годам, значения по школам и муниципалитетам.',
  },
  practices: { title: 'Банк практик', description: 'Эффективные практики школ: подача, экспертиза, публикация и поиск.' },
  reports: { title: 'Отчёты', description: 'Выгрузки для министерства в XLSX, CSV и PDF.' },
} as const;

export function UpcomingSection({ section }: { section: keyof typeof UPCOMING_SECTIONS }) {
  const { title, description } = UPCOMING_SECTIONS[section];
  return (
    <PageHeader title={title} crumbs={[{ label: 'Главная', href: '/' }, { label: title }]}>
      <p>{description}</p>
      <p className="mt-2 rounded border border-slate-200 bg-white p-3 text-sm">
        Раздел в разработке: он появится в одной из ближайших версий портала.
      </p>
    </PageHeader>
  );
}
