import { useSyncExternalStore } from 'react';

/** "4:05", "1:02:03", "2d 3h"; negative durations are written with a leading "−". */
export function formatCountdown(ms: number): string {
  const neg = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  let body: string;
  if (d > 0) body = `${d}d ${h}h`;
  else if (h > 0) body = `${h}:${pad(m)}:${pad(s)}`;
  else body = `${m}:${pad(s)}`;
  return neg ? `−${body}` : body;
}

export type Urgency = 'ok' | 'soon' | 'overdue';
/** "soon" under 20% of the window (or under 5 minutes when the window is unknown). */
export function urgency(msLeft: number, windowMs?: number): Urgency {
  if (msLeft < 0) return 'overdue';
  const limit = windowMs && windowMs > 0 ? windowMs * 0.2 : 5 * 60_000;
  return msLeft <= limit ? 'soon' : 'ok';
}

/** Describes an SLA deadline: "due in 4:05" or "overdue by 1:02". */
export function describeDeadline(deadline: string | null | undefined, now: number): { text: string; msLeft: number } | undefined {
  if (!deadline) return undefined;
  const t = Date.parse(deadline);
  if (Number.isNaN(t)) return undefined;
  const msLeft = t - now;
  return { msLeft, text: msLeft >= 0 ? `due in ${formatCountdown(msLeft)}` : `overdue by ${formatCountdown(-msLeft)}` };
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

// One shared 1-second clock for every countdown on screen.
let now = Date.now();
const clockListeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
function subscribe(l: () => void) {
  clockListeners.add(l);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      clockListeners.forEach((x) => x());
    }, 1000);
  }
  return () => {
    clockListeners.delete(l);
    if (clockListeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

/** A score or weight for display; tolerates a missing value. */
export function fmtNum(n: unknown, digits = 2): string {
  return typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '—';
}
