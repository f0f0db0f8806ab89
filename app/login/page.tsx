import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PageHeader } from '@/components/shell/PageHeader';
import { safeReturnPath, startPage } from '@/lib/auth/redirect';
import { getActor } from '@/lib/auth/session';
import { LoginForm } from './LoginForm';

export const metadata: Metadata = { title: 'Вход' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  const { error, callbackUrl } = await searchParams;
  const safeCallback = safeReturnPath(callbackUrl) ?? startPage();
  if (await getActor()) redirect(safeCallback);
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Вход для сотрудников">
        <p>Родителям и общественности вход не нужен: открытые сведения доступны на главной странице.</p>
      </PageHeader>
      <LoginForm initialError={error ?? null} callbackUrl={safeCallback} />
    </div>
  );
}
