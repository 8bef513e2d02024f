import { describeDeadline, formatTime, urgency, useNow } from '../lib/time';

/** A live countdown to an ISO instant, coloured by urgency. */
export function Countdown({ to, from, label }: { to?: string | null; from?: string | null; label?: string }) {
  const now = useNow();
  const d = describeDeadline(to, now);
  if (!d) return <span className="muted">—</span>;
  const windowMs = from && to ? Date.parse(to) - Date.parse(from) : undefined;
  const u = urgency(d.msLeft, windowMs);
  return (
    <span className={`countdown countdown-${u}`} title={formatTime(to)}>
      {label ? `${label} ` : ''}
      {d.text}
    </span>
  );
}
