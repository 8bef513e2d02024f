import { describe, expect, it } from 'vitest';
import { formatWindows, localToInstant, parseWindows, serverWeekErrors, toForm, toNewOverride, toPattern, type WeekForm } from './schedule';

const blankWeek = (): WeekForm => toForm({});

describe('parseWindows', () => {
  it('reads several windows with either dash and pads single-digit hours', () => {
    expect(parseWindows('8:00-12:00, 13:00–17:30')).toEqual({ windows: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '17:30' }] });
  });

  it('reads no window from empty text', () => {
    expect(parseWindows('  ')).toEqual({ windows: [] });
  });

  it('keeps an overnight window as typed', () => {
    expect(parseWindows('22:00–06:00')).toEqual({ windows: [{ from: '22:00', to: '06:00' }] });
  });

  it('names what is wrong', () => {
    expect(parseWindows('08:00')).toEqual({ error: '"08:00" is not a window like 08:00–17:00' });
    expect(parseWindows('08:00-24:00')).toEqual({ error: '"24:00" is not a time of day like 08:00' });
    expect(parseWindows('8am-5pm')).toEqual({ error: '"8am" is not a time of day like 08:00' });
    expect(parseWindows('08:60-09:00')).toEqual({ error: '"08:60" is not a time of day like 08:00' });
  });
});

describe('schedule form ⇄ API', () => {
  it('shows the server’s week per day and leaves the other days empty', () => {
    const form = toForm({
      timeZone: 'America/Chicago',
      workingHours: { MONDAY: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '17:00' }] },
      onCall: { SATURDAY: [{ from: '00:00', to: '00:00' }] },
    });
    expect(form.timeZone).toBe('America/Chicago');
    expect(form.working.MONDAY).toBe('08:00–12:00, 13:00–17:00');
    expect(form.working.TUESDAY).toBe('');
    expect(form.onCall.SATURDAY).toBe('00:00–00:00');
  });

  it('round-trips: what the form shows saves as the same pattern', () => {
    const pattern = { timeZone: 'Europe/Amsterdam', workingHours: { FRIDAY: [{ from: '09:00', to: '17:00' }] }, onCall: { FRIDAY: [{ from: '17:00', to: '00:00' }] } };
    expect(toPattern(toForm(pattern))).toEqual({ pattern });
  });

  it('leaves out an empty time zone so the engineer’s stays', () => {
    const form = blankWeek();
    form.working.MONDAY = '08:00-17:00';
    expect(toPattern(form)).toEqual({ pattern: { workingHours: { MONDAY: [{ from: '08:00', to: '17:00' }] }, onCall: {} } });
  });

  it('reports every bad day and saves nothing', () => {
    const form = blankWeek();
    form.working.MONDAY = '08:00-17:00';
    form.working.TUESDAY = 'all day';
    form.onCall.SUNDAY = '25:00-01:00';
    const result = toPattern(form);
    expect(result).toEqual({ errors: { 'working.TUESDAY': expect.any(String), 'onCall.SUNDAY': expect.any(String) } });
  });

  it('places the server’s field errors on their day rows', () => {
    expect(serverWeekErrors({ 'workingHours.MONDAY.0': 'needs both from and to', 'onCall.FRIDAY': 'at most 10 windows a day', timeZone: 'unknown zone' })).toEqual({
      'working.MONDAY': 'needs both from and to',
      'onCall.FRIDAY': 'at most 10 windows a day',
    });
  });
});

describe('overrides', () => {
  it('reads datetime-local in the browser’s zone as an instant', () => {
    expect(localToInstant('2026-12-24T06:00')).toBe(new Date(2026, 11, 24, 6, 0).toISOString());
    expect(localToInstant('')).toBeUndefined();
    expect(localToInstant('2026-12-24')).toBeUndefined();
  });

  it('builds the POST body, leaving out an empty note', () => {
    expect(toNewOverride({ from: '2026-12-24T06:00', to: '2026-12-25T06:00', kind: 'OFF_DUTY', note: '  ' })).toEqual({
      override: { from: new Date(2026, 11, 24, 6).toISOString(), to: new Date(2026, 11, 25, 6).toISOString(), kind: 'OFF_DUTY' },
    });
    expect(toNewOverride({ from: '2026-12-24T06:00', to: '2026-12-24T18:00', kind: 'ON_CALL', note: ' cover ' })).toMatchObject({ override: { kind: 'ON_CALL', note: 'cover' } });
  });

  it('asks for both ends and an end after the start', () => {
    expect(toNewOverride({ from: '', to: '', kind: 'ON_DUTY', note: '' })).toEqual({ errors: { from: expect.any(String), to: expect.any(String) } });
    expect(toNewOverride({ from: '2026-12-24T06:00', to: '2026-12-24T06:00', kind: 'ON_DUTY', note: '' })).toEqual({ errors: { to: 'Must be after the start' } });
  });
});

describe('formatWindows', () => {
  it('drops seconds should the server send them', () => {
    expect(formatWindows([{ from: '08:00:00', to: '17:00:00' }])).toBe('08:00–17:00');
  });
});
