import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Server modules must not be pulled into the browser bundle by accident.
      'no-restricted-imports': ['error', { paths: [{ name: 'pg', importNames: ['default'], message: 'Только через lib/db.' }] }],
    },
  },
  {
    files: ['lib/db/**', 'tests/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  { ignores: ['.next*/**', 'node_modules/**', 'data/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
];

export default config;
