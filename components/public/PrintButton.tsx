'use client';

/** Prints the page (the navigation and this button are left out of the print). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium print:hidden">
      Распечатать
    </button>
  );
}
