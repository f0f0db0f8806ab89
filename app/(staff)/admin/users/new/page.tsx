import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { requireRight } from '@/lib/page-guard';
import { createUserAction } from '../actions';
import { userFormOptions } from '../options';
import { UserForm } from '../UserForm';

export const metadata: Metadata = { title: 'Новый пользователь' };

export default async function NewUserPage() {
  const actor = await requireActor();
  requireRight(actor, 'user.write');
  const options = await userFormOptions(actor);
  return (
    <>
      <PageHeader
        title="Новый пользователь"
        crumbs={[
          { label: 'Главная', href: '/' },
          { label: 'Администрирование', href: '/admin' },
          { label: 'Пользователи', href: '/admin/users' },
          { label: 'Новый' },
        ]}
      />
      <UserForm action={createUserAction} {...options} values={{ login: '', name: '', role: '', organisationId: '' }} />
    </>
  );
}
