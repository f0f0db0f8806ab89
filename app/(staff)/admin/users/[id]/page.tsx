import type { Metadata } from 'next';
import { HistoryPanel } from '@/components/history/HistoryPanel';
import { PageHeader } from '@/components/shell/PageHeader';
import { entityHistory } from '@/lib/audit/queries';
import { ROLE_LABELS } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { orNotFound, pageParams } from '@/lib/page-guard';
import { formatDateTime } from '@/lib/format/ru';
import { getSignInLock, getUser } from '@/lib/users/queries';
import { ActiveToggle } from '@/components/ui/ActiveToggle';
import { setUserActiveAction, unlockSignInAction, updateUserAction } from '../actions';
import { userFormOptions } from '../options';
import { UnlockSignIn } from '../UnlockSignIn';
import { UserForm } from '../UserForm';

export const metadata: Metadata = { title: 'Пользователь' };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const actor = await requireActor();
  const user = await orNotFound(getUser(actor, id));
  const [history, options] = await Promise.all([entityHistory(actor, 'user', user.id), userFormOptions(actor)]);
  const editable = can(actor, 'user.write');
  const lockedUntil = editable ? await getSignInLock(actor, user.id) : null;
  return (
    <>
      <PageHeader
        title={user.name}
        crumbs={[
          { label: 'Главная', href: '/' },
          { label: 'Администрирование', href: '/admin' },
          { label: 'Пользователи', href: '/admin/users' },
          { label: user.name },
        ]}
      >
        <p>
          {user.login} · {ROLE_LABELS[user.role]} · {user.organisationName}
          {user.isActive ? '' : ' · отключён'}
        </p>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        {editable ? (
          <div className="space-y-4">
            <UnlockSignIn action={unlockSignInAction} id={user.id} lockedUntil={lockedUntil ? formatDateTime(lockedUntil) : null} />
            <UserForm action={updateUserAction} {...options} values={user} />
            <ActiveToggle
              action={setUserActiveAction}
              id={user.id}
              version={user.version}
              active={user.isActive}
              labels={{ deactivate: 'Отключить учётную запись', activate: 'Включить учётную запись' }}
            />
          </div>
        ) : (
          <p className="text-sm">Изменять учётные записи может администратор.</p>
        )}
        <HistoryPanel rows={history} />
      </div>
    </>
  );
}
