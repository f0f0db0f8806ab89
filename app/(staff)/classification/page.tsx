import { UpcomingSection, UPCOMING_SECTIONS } from '@/components/shell/UpcomingSection';

export const metadata = { title: UPCOMING_SECTIONS.classification.title };

export default function Page() {
  return <UpcomingSection section="classification" />;
}
