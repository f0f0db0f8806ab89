import { formatNumber } from '@/lib/format/ru';
import { suppressedText, type PublicValue } from '@/lib/public/suppression';

/** A public figure: the number, or the suppression text in italics (never a number). */
export function Figure({ value, format = (v) => formatNumber(v, 1), unit }: { value: PublicValue<number> | null; format?: (v: number) => string; unit?: string }) {
  if (value === null) return <span>—</span>;
  if (!value.shown) {
    return (
      <span className="italic text-slate-700" data-testid="suppressed">
        {suppressedText(value.reason)}
      </span>
    );
  }
  return (
    <span>
      {format(value.value)}
      {unit ? ` ${unit}` : ''}
    </span>
  );
}
