import Link from 'next/link';
import type { ReactNode } from 'react';
import { GLOSSARY, type GlossaryKey } from './glossary';

/** A term linked to its glossary entry; the explanation is also its title for pointer users. */
export function Term({ id, children }: { id: GlossaryKey; children?: ReactNode }) {
  return (
    <Link href={`/public/about#term-${id}`} title={GLOSSARY[id].text} className="underline decoration-dotted">
      {children ?? GLOSSARY[id].term}
    </Link>
  );
}
