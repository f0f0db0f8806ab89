import type { ReactNode } from 'react';

/** A wide table that scrolls sideways on a phone: a named region that takes keyboard focus, so it can be scrolled with the arrow keys. */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
