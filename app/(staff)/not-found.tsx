import { NotFoundMessage } from '@/components/shell/NotFoundMessage';

/** A staff page's notFound(): inside the staff frame, with the signed-in header. */
export default function NotFound() {
  return <NotFoundMessage />;
}
