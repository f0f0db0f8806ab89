import { describe, expect, it } from 'vitest';
import { nextEnv } from '../../scripts/next-env';

describe('the environment npm start gives Next.js', () => {
  it('turns telemetry off by default and keeps an explicit choice', () => {
    expect(nextEnv({ NODE_ENV: 'production' }, 's', 3000)).toMatchObject({ NEXT_TELEMETRY_DISABLED: '1', NEXTAUTH_SECRET: 's', NEXTAUTH_URL: 'http://localhost:3000' });
    expect(nextEnv({ NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '0', NEXTAUTH_URL: 'https://opora.example' }, 's', 3000)).toMatchObject({
      NEXT_TELEMETRY_DISABLED: '0',
      NEXTAUTH_URL: 'https://opora.example',
    });
  });
});
