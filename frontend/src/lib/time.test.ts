import { describe, expect, it } from 'vitest';
import { describeDeadline, fmtNum, formatCountdown, urgency } from './time';

describe('formatCountdown', () => {
  it('writes minutes and zero-padded seconds under an hour', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(5_000)).toBe('0:05');
    expect(formatCountdown(4 * 60_000 + 5_000)).toBe('4:05');
    expect(formatCountdown(59 * 60_000 + 59_999)).toBe('59:59');
  });
  it('adds hours past an hour and days past a day', () => {
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(2 * 86_400_000 + 3 * 3_600_000 + 5_000)).toBe('2d 3h');
  });
  it('marks negative durations', () => {
    expect(formatCountdown(-65_000)).toBe('−1:05');
  });
  it('rounds partial seconds down', () => {
    expect(formatCountdown(1_999)).toBe('0:01');
  });
});

describe('describeDeadline', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  it('counts down to a future deadline', () => {
    expect(describeDeadline('2026-11-22T10:15:30Z', now)).toEqual({ msLeft: 930_000, text: 'due in 15:30' });
  });
  it('says how late a past deadline is', () => {
    expect(describeDeadline('2026-11-22T09:59:00Z', now)?.text).toBe('overdue by 1:00');
  });
  it('has nothing to say without a valid deadline', () => {
    expect(describeDeadline(undefined, now)).toBeUndefined();
    expect(describeDeadline('not a date', now)).toBeUndefined();
  });
});

describe('urgency', () => {
  it('is overdue below zero', () => expect(urgency(-1)).toBe('overdue'));
  it('is soon within the last fifth of the window', () => {
    expect(urgency(10 * 60_000, 60 * 60_000)).toBe('soon');
    expect(urgency(30 * 60_000, 60 * 60_000)).toBe('ok');
  });
  it('falls back to five minutes without a window', () => {
    expect(urgency(4 * 60_000)).toBe('soon');
    expect(urgency(6 * 60_000)).toBe('ok');
  });
});

describe('fmtNum', () => {
  it('formats numbers and tolerates missing ones', () => {
    expect(fmtNum(1.2345)).toBe('1.23');
    expect(fmtNum(undefined)).toBe('—');
  });
});
