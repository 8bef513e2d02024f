import { describe, expect, it } from 'vitest';
import type { Incident } from '../../lib/types';
import { BOARD_COLUMNS, groupBoard, nextDeadline } from './board';

let n = 0;
function inc(p: Partial<Incident>): Incident {
  n++;
  return {
    id: `I-${n}`,
    systemId: 'S',
    customerId: 'C',
    severity: 'SEV3',
    title: `t${n}`,
    description: '',
    status: 'OPEN',
    openedAt: '2026-01-01T10:00:00Z',
    ackBy: '2026-01-01T11:00:00Z',
    resolveBy: '2026-01-02T10:00:00Z',
    timeline: [],
    ...p,
  };
}

describe('groupBoard', () => {
  it('puts each open incident in its severity row and status column', () => {
    const b = groupBoard([inc({ id: 'a', severity: 'SEV1', status: 'ESCALATED' }), inc({ id: 'b', severity: 'SEV1', status: 'ASSIGNED' }), inc({ id: 'c', severity: 'SEV4', status: 'ROUTING' })]);
    expect(b.rows.map((r) => r.severity)).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV4']);
    expect(b.rows[0].cells.ESCALATED.map((i) => i.id)).toEqual(['a']);
    expect(b.rows[0].cells.ASSIGNED.map((i) => i.id)).toEqual(['b']);
    expect(b.rows[3].cells.ROUTING.map((i) => i.id)).toEqual(['c']);
    expect(b.rows[0].total).toBe(2);
    expect(b.byStatus).toEqual({ ESCALATED: 1, OPEN: 0, ROUTING: 1, ASSIGNED: 1 });
    expect(b.total).toBe(3);
  });

  it('shows ESCALATED first and lists escalations by severity', () => {
    expect(BOARD_COLUMNS[0]).toBe('ESCALATED');
    const b = groupBoard([inc({ id: 'x', severity: 'SEV3', status: 'ESCALATED' }), inc({ id: 'y', severity: 'SEV1', status: 'ESCALATED' })]);
    expect(b.escalated.map((i) => i.id)).toEqual(['y', 'x']);
  });

  it('leaves resolved incidents off the board', () => {
    expect(groupBoard([inc({ status: 'RESOLVED' })]).total).toBe(0);
  });

  it('orders a cell by the deadline that matters now', () => {
    const b = groupBoard([
      inc({ id: 'late', ackBy: '2026-01-01T12:00:00Z' }),
      inc({ id: 'soon', ackBy: '2026-01-01T10:30:00Z' }),
      inc({ id: 'none', ackBy: null, resolveBy: null }),
    ]);
    expect(b.rows[2].cells.OPEN.map((i) => i.id)).toEqual(['soon', 'late', 'none']);
  });

  it('keeps the newest copy of an incident fetched twice while it moved', () => {
    const old = inc({ id: 'm', status: 'ROUTING', timeline: [{ at: '2026-01-01T10:00:01Z', type: 'ROUTING' }] });
    const fresh = inc({ id: 'm', status: 'ASSIGNED', timeline: [{ at: '2026-01-01T10:00:01Z', type: 'ROUTING' }, { at: '2026-01-01T10:00:05Z', type: 'ASSIGNED' }] });
    const b = groupBoard([old, fresh]);
    expect(b.total).toBe(1);
    expect(b.rows[2].cells.ASSIGNED.map((i) => i.id)).toEqual(['m']);
    expect(b.rows[2].cells.ROUTING).toEqual([]);
  });
});

describe('nextDeadline', () => {
  it('uses resolveBy once assigned, ackBy before', () => {
    expect(nextDeadline(inc({ status: 'ASSIGNED' }))).toBe(Date.parse('2026-01-02T10:00:00Z'));
    expect(nextDeadline(inc({ status: 'OPEN' }))).toBe(Date.parse('2026-01-01T11:00:00Z'));
  });
});
