import type { DutyNow } from './types';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local time of day, "08:00" to "17:00"; a `to` not after `from` runs overnight. */
export interface Window {
  from: string;
  to: string;
}
export type Week = Partial<Record<Weekday, Window[]>>;

export type OverrideKind = 'ON_DUTY' | 'OFF_DUTY' | 'ON_CALL';
export const OVERRIDE_KINDS: OverrideKind[] = ['OFF_DUTY', 'ON_DUTY', 'ON_CALL'];

export interface Override {
  id: string;
  from: string;
  to: string;
  kind: OverrideKind;
  note?: string | null;
}

/** GET …/schedule; workingHours and onCall are missing when the engineer keeps no weekly pattern. */
export interface Schedule {
  timeZone?: string | null;
  workingHours?: Week | null;
  onCall?: Week | null;
  overrides: Override[];
  now: DutyNow;
}

/** PUT …/schedule */
export interface WeeklyPattern {
  timeZone?: string;
  workingHours: Week;
  onCall: Week;
}

export interface NewOverride {
  from: string;
  to: string;
  kind: OverrideKind;
  note?: string;
}

/** The editor's state: per weekday the windows as typed, "08:00–12:00, 13:00–17:00". */
export interface WeekForm {
  timeZone: string;
  working: Record<Weekday, string>;
  onCall: Record<Weekday, string>;
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function pad(t: string): string {
  return t.length === 4 ? `0${t}` : t;
}

/** "08:00–17:00, 22:00-06:00" → windows, or the first thing wrong with it. Empty text is no window. */
export function parseWindows(text: string): { windows: Window[] } | { error: string } {
  const windows: Window[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const ends = part.split(/\s*[-–—]\s*/);
    if (ends.length !== 2) return { error: `"${part}" is not a window like 08:00–17:00` };
    const [from, to] = ends;
    for (const t of [from, to]) if (!TIME.test(t)) return { error: `"${t}" is not a time of day like 08:00` };
    windows.push({ from: pad(from), to: pad(to) });
  }
  return { windows };
}

export function formatWindows(windows: Window[] | undefined | null): string {
  return (windows ?? []).map((w) => `${w.from.slice(0, 5)}–${w.to.slice(0, 5)}`).join(', ');
}

function perDay(week: Week | null | undefined): Record<Weekday, string> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, formatWindows(week?.[d])])) as Record<Weekday, string>;
}

export function toForm(schedule: Pick<Schedule, 'timeZone' | 'workingHours' | 'onCall'>): WeekForm {
  return { timeZone: schedule.timeZone ?? '', working: perDay(schedule.workingHours), onCall: perDay(schedule.onCall) };
}

export type WeekErrors = Partial<Record<`${'working' | 'onCall'}.${Weekday}`, string>>;

/** The form as the PUT body, or an error per bad day; days without windows are left out. */
export function toPattern(form: WeekForm): { pattern: WeeklyPattern } | { errors: WeekErrors } {
  const errors: WeekErrors = {};
  const weeks = { working: {} as Week, onCall: {} as Week };
  for (const mode of ['working', 'onCall'] as const) {
    for (const day of WEEKDAYS) {
      const parsed = parseWindows(form[mode][day]);
      if ('error' in parsed) errors[`${mode}.${day}`] = parsed.error;
      else if (parsed.windows.length) weeks[mode][day] = parsed.windows;
    }
  }
  if (Object.keys(errors).length) return { errors };
  const timeZone = form.timeZone.trim();
  return { pattern: { ...(timeZone ? { timeZone } : {}), workingHours: weeks.working, onCall: weeks.onCall } };
}

/** The server's field errors ("workingHours.MONDAY.0" after toFieldErrors) placed on the form's day rows. */
export function serverWeekErrors(fieldErrors: Record<string, string>): WeekErrors {
  const out: WeekErrors = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    const m = /^(workingHours|onCall)\.([A-Z]+)/.exec(field);
    if (!m || !(WEEKDAYS as readonly string[]).includes(m[2])) continue;
    const key = `${m[1] === 'workingHours' ? 'working' : 'onCall'}.${m[2] as Weekday}` as const;
    out[key] = out[key] ? `${out[key]}; ${message}` : message;
  }
  return out;
}

/** A datetime-local value ("2026-12-24T06:00"), read in the browser's zone, as an ISO instant. */
export function localToInstant(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export interface OverrideForm {
  from: string;
  to: string;
  kind: OverrideKind;
  note: string;
}

export type OverrideErrors = Partial<Record<'from' | 'to', string>>;

export function toNewOverride(form: OverrideForm): { override: NewOverride } | { errors: OverrideErrors } {
  const from = localToInstant(form.from);
  const to = localToInstant(form.to);
  const errors: OverrideErrors = {};
  if (!from) errors.from = 'Pick a start date and time';
  if (!to) errors.to = 'Pick an end date and time';
  else if (from && Date.parse(to) <= Date.parse(from)) errors.to = 'Must be after the start';
  if (Object.keys(errors).length) return { errors };
  const note = form.note.trim();
  return { override: { from: from!, to: to!, kind: form.kind, ...(note ? { note } : {}) } };
}

export const MODE_LABEL: Record<DutyNow['mode'], string> = { WORKING: 'On duty', ON_CALL: 'On call', OFF: 'Off duty' };
export const KIND_LABEL: Record<OverrideKind, string> = { ON_DUTY: 'On duty', OFF_DUTY: 'Off duty', ON_CALL: 'On call' };
