import { UpcomingSection, UPCOMING_SECTIONS } from '@/components/shell/UpcomingSection';

export const metadata = { title: UPCOMING_SECTIONS.indicators.title };

export default function Page() {
  return <UpcomingSection section="indicators" />;
}
