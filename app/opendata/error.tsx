'use client';

import { ErrorMessage } from '@/components/shell/ErrorMessage';

/** Inside this side's frame, so the header and navigation stay when a page fails to load. */
export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage {...props} />;
}
