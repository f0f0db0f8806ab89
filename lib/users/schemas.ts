import { z } from 'zod';
import { ROLES } from '@/db/schema/users';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { versionField } from '@/lib/validation';

const login = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Логин: не короче 3 символов')
  .max(200, 'Логин: не длиннее 200 символов')
  .regex(/^[a-z0-9._@+-]+$/, 'Логин: латинские буквы, цифры и знаки . _ @ + -');
const name = z.string().trim().min(3, 'ФИО: не короче 3 символов').max(200, 'ФИО: не длиннее 200 символов');
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Пароль: не короче ${MIN_PASSWORD_LENGTH} символов`)
  .max(200, 'Пароль: не длиннее 200 символов');
const role = z.enum(ROLES, { message: 'Выберите роль' });
const organisationId = z.uuid({ message: 'Выберите организацию' });

export const createUserSchema = z.object({ login, name, password, role, organisationId });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  id: z.uuid(),
  version: versionField,
  name,
  role,
  organisationId,
  password: z
    .union([password, z.literal('')])
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const unlockSignInSchema = z.object({ id: z.uuid() });

export const setUserActiveSchema = z.object({
  id: z.uuid(),
  version: versionField,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
});
