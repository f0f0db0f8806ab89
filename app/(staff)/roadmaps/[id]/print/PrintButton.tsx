'use client';

/** Opens the browser's print dialog (the page itself is the print layout). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
      Печать
    </button>
  );
}
