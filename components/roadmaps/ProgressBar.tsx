import { formatPercent } from '@/lib/format/ru';

/** A thin accessible progress bar: the share (0…1) is announced as a percentage. */
export function ProgressBar({ share, label }: { share: number; label: string }) {
  const bounded = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  const percent = Math.round(bounded * 1000) / 10;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={formatPercent(bounded)}
      className="h-2 w-full min-w-16 overflow-hidden rounded bg-slate-200"
    >
      <div className="h-full rounded bg-green-700" style={{ width: `${percent}%` }} />
    </div>
  );
}
