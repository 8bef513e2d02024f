import { useId, useState, type FormEvent } from 'react';
import { isApiError, toFieldErrors } from '../lib/problem';
import { useAddOverride, useRemoveOverride, useRemovePattern, useSavePattern, useSchedule, type ScheduleTarget } from '../lib/scheduleQueries';
import { formatTime } from '../lib/time';
import type { DutyNow } from '../lib/types';
import { Async } from './Async';
import { SelectField, TextField } from './Field';
import { ProblemAlert } from './ProblemAlert';
import {
  KIND_LABEL,
  MODE_LABEL,
  OVERRIDE_KINDS,
  WEEKDAYS,
  serverWeekErrors,
  toForm,
  toNewOverride,
  toPattern,
  type OverrideErrors,
  type OverrideForm,
  type Schedule,
  type WeekErrors,
  type WeekForm,
  type Weekday,
} from '../lib/schedule';

const DAY_LABEL = (d: Weekday) => d.charAt(0) + d.slice(1).toLowerCase();
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The schedule's verdict: routing rings only while it says on duty (or on call, for the severities that allow it). */
export function DutyVerdict({ now, prefix = 'Now', testId }: { now: DutyNow; prefix?: string; testId?: string }) {
  return (
    <p className="muted small" data-testid={testId} data-mode={now.mode}>
      {prefix}: <strong>{MODE_LABEL[now.mode]}</strong>
      {now.until ? ` until ${formatTime(now.until)}` : ''}
    </p>
  );
}

function WeekEditor({ schedule, save, remove }: { schedule: Schedule; save: ReturnType<typeof useSavePattern>; remove: ReturnType<typeof useRemovePattern> }) {
  const [form, setForm] = useState<WeekForm>(() => toForm(schedule));
  const [errors, setErrors] = useState<WeekErrors>({});
  const hasPattern = schedule.workingHours != null;
  const serverErrors = serverWeekErrors(toFieldErrors(isApiError(save.error) ? save.error.problem : undefined));
  const shown = { ...serverErrors, ...errors };
  const id = useId();

  const set = (mode: 'working' | 'onCall', day: Weekday, value: string) => {
    setForm((f) => ({ ...f, [mode]: { ...f[mode], [day]: value } }));
    setErrors((e) => ({ ...e, [`${mode}.${day}`]: undefined }));
    save.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = toPattern(form);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate(result.pattern);
  };
  const cell = (mode: 'working' | 'onCall', day: Weekday, what: string) => {
    const error = shown[`${mode}.${day}`];
    const errorId = `${id}-${mode}-${day}-error`;
    return (
      <div className={`week-cell${error ? ' field-invalid' : ''}`}>
        <input
          value={form[mode][day]}
          onChange={(e) => set(mode, day, e.target.value)}
          aria-label={`${DAY_LABEL(day)} ${what}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          placeholder="—"
          inputMode="numeric"
        />
        {error ? (
          <div className="field-error" id={errorId} role="alert">
            {error}
          </div>
        ) : null}
      </div>
    );
  };
  return (
    <form className="week-form" onSubmit={submit} noValidate aria-label="Weekly pattern">
      <h3>Every week</h3>
      <p className="hint">
        {hasPattern ? 'Windows as 08:00–17:00, several separated by commas. A window that ends before it starts runs overnight; 00:00–00:00 is the whole day.' : 'No weekly pattern: always reachable, outside the overrides below. Fill in the days to keep hours.'}
      </p>
      <TextField label="Time zone" value={form.timeZone} onChange={(e) => setForm((f) => ({ ...f, timeZone: e.target.value }))} placeholder="UTC" hint="The hours are read in this zone (IANA name, e.g. Europe/Amsterdam)." />
      <div className="week-grid" role="group" aria-label="Working hours and on-call windows per weekday">
        <span className="week-head" aria-hidden="true" />
        <span className="week-head">Working hours</span>
        <span className="week-head">On call</span>
        {WEEKDAYS.map((day) => (
          <div className="week-row" key={day} data-day={day}>
            <span className="week-day">{DAY_LABEL(day)}</span>
            {cell('working', day, 'working hours')}
            {cell('onCall', day, 'on call')}
          </div>
        ))}
      </div>
      <ProblemAlert error={save.error} prefix="Week not saved" />
      <ProblemAlert error={remove.error} prefix="Pattern not removed" />
      {save.isSuccess ? (
        <p className="alert alert-ok" role="status">
          Week saved.
        </p>
      ) : null}
      <div className="actions">
        <button className="btn btn-primary" type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save week'}
        </button>
        {hasPattern ? (
          <button className="btn btn-quiet" type="button" disabled={remove.isPending} onClick={() => remove.mutate(undefined)}>
            Remove weekly pattern
          </button>
        ) : null}
      </div>
    </form>
  );
}

const EMPTY_OVERRIDE: OverrideForm = { from: '', to: '', kind: 'OFF_DUTY', note: '' };

function Overrides({ schedule, target }: { schedule: Schedule; target: ScheduleTarget }) {
  const add = useAddOverride(target);
  const remove = useRemoveOverride(target);
  const [form, setForm] = useState<OverrideForm>(EMPTY_OVERRIDE);
  const [errors, setErrors] = useState<OverrideErrors>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = toNewOverride(form);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    add.mutate(result.override, { onSuccess: () => setForm(EMPTY_OVERRIDE) });
  };
  const list = [...schedule.overrides].sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
  return (
    <section aria-label="Overrides">
      <h3>Overrides</h3>
      <p className="hint">Dated exceptions that win over the week; where they overlap, off duty wins.</p>
      {list.length === 0 ? (
        <p className="muted">No current or coming overrides.</p>
      ) : (
        <ul className="override-list">
          {list.map((o) => (
            <li key={o.id} data-override-id={o.id} data-kind={o.kind}>
              <span className={`badge kind-${o.kind.toLowerCase()}`}>{KIND_LABEL[o.kind]}</span>
              <span>
                {formatTime(o.from)} → {formatTime(o.to)}
              </span>
              {o.note ? <span className="muted">{o.note}</span> : null}
              <button className="btn btn-small btn-quiet" type="button" disabled={remove.isPending} onClick={() => remove.mutate(o.id)} aria-label={`Delete override ${o.note || KIND_LABEL[o.kind]} from ${formatTime(o.from)}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert error={remove.error} prefix="Override not deleted" />
      <form className="override-form" onSubmit={submit} noValidate aria-label="Add an override">
        <div className="row">
          <TextField label="From" type="datetime-local" value={form.from} onChange={(e) => setForm((f) => ({ ...f, from: e.target.value }))} error={errors.from} />
          <TextField label="To" type="datetime-local" value={form.to} onChange={(e) => setForm((f) => ({ ...f, to: e.target.value }))} error={errors.to} />
        </div>
        <div className="row">
          <SelectField label="Kind" value={form.kind} onChange={(e) => setForm((f) => ({ ...f, kind: e.target.value as OverrideForm['kind'] }))} options={OVERRIDE_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))} />
          <TextField label="Note" value={form.note} onChange={(e) => setForm((f) => ({ ...f, note: e.target.value }))} placeholder="e.g. dentist" maxLength={500} />
        </div>
        <p className="hint">Dates and times in this browser’s zone ({BROWSER_ZONE}).</p>
        <ProblemAlert error={add.error} prefix="Override not added" />
        <div className="actions">
          <button className="btn" type="submit" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add override'}
          </button>
        </div>
      </form>
    </section>
  );
}

/** An engineer's schedule with its editors: the dispatcher's view of anyone's, the engineer's of their own. */
export function ScheduleEditor({ target, title = 'Schedule' }: { target: ScheduleTarget; title?: string }) {
  const schedule = useSchedule(target);
  // here, not in the week's form: that starts afresh from each saved pattern, and "saved" must outlive it
  const save = useSavePattern(target);
  const remove = useRemovePattern(target);
  const headingId = useId();
  return (
    <section className="card schedule" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <Async query={schedule} what="the schedule">
        {(s) => (
          <>
            <DutyVerdict now={s.now} testId="schedule-now" />
            <WeekEditor key={JSON.stringify([s.timeZone, s.workingHours, s.onCall])} schedule={s} save={save} remove={remove} />
            <Overrides schedule={s} target={target} />
          </>
        )}
      </Async>
    </section>
  );
}
