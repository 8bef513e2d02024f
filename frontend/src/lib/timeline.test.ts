import { describe, expect, it } from 'vitest';
import { describeEntry, isDispatcherOverride } from './timeline';

describe('timeline entries', () => {
  it('names the dispatcher’s levers readably and marks them as steering', () => {
    expect(describeEntry('BROADCAST')).toEqual({ label: 'Broadcast to every qualified engineer', tone: 'steer' });
    expect(describeEntry('REASSIGNED')).toEqual({ label: 'Reassigned', tone: 'steer' });
    expect(describeEntry('REROUTED').label).toBe('Re-routed');
  });

  it('colours escalations and breaches as bad, warnings as warn', () => {
    expect(describeEntry('ESCALATED').tone).toBe('bad');
    expect(describeEntry('SLA_BREACHED').tone).toBe('bad');
    expect(describeEntry('SLA_WARNING')).toEqual({ label: 'SLA warning', tone: 'warn' });
  });

  it('turns an unknown type into words instead of hiding it', () => {
    expect(describeEntry('SKIPPED_OFF_SCHEDULE')).toEqual({ label: 'Skipped off schedule', tone: 'info' });
  });

  it('spots a dispatcher override in the detail', () => {
    expect(isDispatcherOverride('Reassigned from E1 to E2 (dispatcher override: E2 already works on 2 incident(s), limit 2)')).toBe(true);
    expect(isDispatcherOverride('Assigned to E2')).toBe(false);
    expect(isDispatcherOverride(null)).toBe(false);
  });
});
