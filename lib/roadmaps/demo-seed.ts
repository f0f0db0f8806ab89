import type { DemoContext } from '@/lib/demo/seed';

/** Demo road maps (seeds 000, 001, 002 and a school road map on review). Returns how many were created. */
export async function seedDemoRoadmaps(_context: DemoContext): Promise<number> {
  return 0;
}
