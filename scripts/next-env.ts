/**
 * The environment `npm start` gives the Next.js build and server: the sign-in secret and address, and Next.js's
 * anonymous usage telemetry off (a government portal reports nothing unless its operator sets
 * NEXT_TELEMETRY_DISABLED=0 explicitly).
 */
export function nextEnv(base: NodeJS.ProcessEnv, secret: string, port: number): NodeJS.ProcessEnv {
  return {
    ...base,
    NEXT_TELEMETRY_DISABLED: base.NEXT_TELEMETRY_DISABLED ?? '1',
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: base.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };
}
