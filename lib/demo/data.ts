import { BEREZOVSKY_KEY, DEMO_MUNICIPALITIES, DEMO_ORGANISATIONS, DEMO_REGION, SVETLOGORSK_KEY } from './organisations';
import { RESPONSIBLE_ALIASES } from './responsible-aliases';
import { DEMO_SCHOOLS } from './schools';
import type { DemoUser } from './types';

export type * from './types';
export {
  BEREZOVSKY_KEY,
  DEMO_MUNICIPALITIES,
  DEMO_ORGANISATIONS,
  DEMO_REGION,
  SVETLOGORSK_KEY,
} from './organisations';
export { RESPONSIBLE_ALIASES, seedAliasesFor } from './responsible-aliases';
export { DEMO_SCHOOLS } from './schools';

/**
 * The one password of every demo account. It exists only in the demo data: real accounts are created by an
 * administrator with their own passwords, and the portal has no other built-in password.
 */
export const DEMO_PASSWORD = 'Opora-demo-2026';

/** One account per role (two municipal coordinators, one per municipality, to show scoping). */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    login: 'admin@opora.demo',
    fullName: 'Соколов Андрей Викторович',
    position: 'Администратор портала',
    role: 'admin',
    organisationType: 'region',
    organisationKey: DEMO_REGION.key,
  },
  {
    login: 'analyst@opora.demo',
    fullName: 'Белова Ирина Сергеевна',
    position: 'Консультант отдела общего образования',
    role: 'ministry_analyst',
    organisationType: 'organisation',
    organisationKey: 'zar-ministry',
  },
  {
    login: 'coordinator@opora.demo',
    fullName: 'Кузнецова Ольга Николаевна',
    position: 'Главный специалист управления образования, муниципальный координатор проекта',
    role: 'municipal_coordinator',
    organisationType: 'municipality',
    organisationKey: BEREZOVSKY_KEY,
  },
  {
    login: 'coordinator2@opora.demo',
    fullName: 'Тихонов Павел Андреевич',
    position: 'Заместитель начальника управления образования, муниципальный координатор проекта',
    role: 'municipal_coordinator',
    organisationType: 'municipality',
    organisationKey: SVETLOGORSK_KEY,
  },
  {
    login: 'methodologist@opora.demo',
    fullName: 'Морозова Елена Петровна',
    position: 'Методист учебно-методического центра, куратор школ',
    role: 'methodologist',
    organisationType: 'organisation',
    organisationKey: 'ber-umc',
  },
  {
    login: 'expert@opora.demo',
    fullName: 'Григорьев Дмитрий Олегович',
    position: 'Член регионального экспертного совета',
    role: 'expert',
    organisationType: 'region',
    organisationKey: DEMO_REGION.key,
  },
  {
    login: 'school@opora.demo',
    fullName: 'Фёдорова Наталья Ивановна',
    position: 'Директор школы',
    role: 'school_team',
    organisationType: 'school',
    organisationKey: 'ber-osinovka-oosh',
  },
];

/** Everything the seeding code inserts, in dependency order. */
export const DEMO_DATA = {
  region: DEMO_REGION,
  municipalities: DEMO_MUNICIPALITIES,
  organisations: DEMO_ORGANISATIONS,
  schools: DEMO_SCHOOLS,
  users: DEMO_USERS,
  responsibleAliases: RESPONSIBLE_ALIASES,
} as const;
