import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PageHeader } from '@/components/shell/PageHeader';
import { getActor } from '@/lib/auth/session';
import { START_PATH, startPathFor } from '@/lib/home/start-page';
import { LoginForm } from './LoginForm';

export const metadata: Metadata = { title: 'Вход' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  const actor = await getActor();
  if (actor) redirect(startPathFor(actor));
  const { error, callbackUrl } = await searchParams;
  const safeCallback = callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : START_PATH;
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Вход для сотрудников">
        <p>Родителям и общественности вход не нужен: открытые сведения доступны на главной странице.</p>
      </PageHeader>
      <LoginForm initialError={error ?? null} callbackUrl={safeCallback} />
    </div>
  );
}
