/** Runs once when the Next.js server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stampClientAddresses } = await import('./lib/auth/client-address-stamp');
  stampClientAddresses();
}
