import type { Actor } from '@/lib/auth/actor';

declare module 'next-auth' {
  interface Session {
    user: Actor;
    expires: string;
  }
  interface User {
    id: string;
    name: string;
    sessionVersion: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sv?: number;
    actor: Actor;
  }
}
