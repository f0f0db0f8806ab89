import { UpcomingSection, UPCOMING_SECTIONS } from '@/components/shell/UpcomingSection';

export const metadata = { title: UPCOMING_SECTIONS.practices.title };

export default function Page() {
  return <UpcomingSection section="practices" />;
}
