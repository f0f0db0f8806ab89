import type { ErrorCode } from './errors';

/** What a server action returns to its form (shared by the server wrapper and client forms). */
export type ActionState =
  | { status: 'idle' }
  | { status: 'success'; message: string }
  | {
      status: 'error';
      code: ErrorCode;
      message: string;
      fieldErrors: Record<string, string>;
      /** What the user typed, so the form shows it again instead of React's reset to the old values. */
      values: Record<string, string>;
    };

export const IDLE: ActionState = { status: 'idle' };
