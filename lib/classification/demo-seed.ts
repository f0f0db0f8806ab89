import type { DemoContext } from '@/lib/demo/seed';

/** Demo assessment and context data, the default methodology and a published run. Returns records created. */
export async function seedDemoClassification(_context: DemoContext): Promise<number> {
  return 0;
}
