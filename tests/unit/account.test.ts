import { describe, expect, it } from 'vitest';
import { accountSummary } from '@/lib/auth/account';
import type { Actor } from '@/lib/auth/actor';

describe('the public header’s account summary', () => {
  it('says only «not signed in» for an anonymous reader', () => {
    expect(accountSummary(null)).toEqual({ signedIn: false });
  });

  it('names the user, its role in Russian, its organisation and the way back to work, and nothing else', () => {
    const actor: Actor = {
      id: 'u-1',
      name: 'Ирина Ковалёва',
      role: 'municipal_coordinator',
      scope: { level: 'municipality', regionId: 'r', municipalityId: 'm', schoolId: null, organisationId: 'm', organisationName: 'Берёзовский муниципальный район' },
    };
    expect(accountSummary(actor)).toEqual({
      signedIn: true,
      name: 'Ирина Ковалёва',
      role: 'Муниципальный координатор',
      organisation: 'Берёзовский муниципальный район',
      startPath: '/tasks',
    });
  });
});
