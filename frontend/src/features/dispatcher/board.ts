import { OPEN_STATUSES, SEVERITIES, type Incident, type IncidentStatus, type Severity } from '../../lib/types';

export const BOARD_COLUMNS: IncidentStatus[] = OPEN_STATUSES; // ESCALATED first: it needs a human

export interface BoardRow {
  severity: Severity;
  cells: Record<string, Incident[]>;
  total: number;
}

export interface Board {
  rows: BoardRow[];
  byStatus: Record<string, number>;
  escalated: Incident[];
  total: number;
}

/** The deadline that matters now: acknowledge until assigned, then resolve. */
export function nextDeadline(i: Incident): number {
  const iso = i.status === 'ASSIGNED' ? i.resolveBy : (i.ackBy ?? i.resolveBy);
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * Groups open incidents by severity (rows) and status (columns), most urgent first in each cell.
 * Resolved incidents and duplicates (the same incident fetched under two statuses while it moved) are dropped;
 * for a duplicate the copy with the latest timeline entry wins.
 */
export function groupBoard(incidents: Incident[]): Board {
  const latest = new Map<string, Incident>();
  const stamp = (i: Incident) => Math.max(Date.parse(i.openedAt) || 0, ...(i.timeline ?? []).map((t) => Date.parse(t.at) || 0));
  for (const i of incidents) {
    if (i.status === 'RESOLVED') continue;
    const prev = latest.get(i.id);
    if (!prev || stamp(i) > stamp(prev)) latest.set(i.id, i);
  }
  const rows: BoardRow[] = SEVERITIES.map((severity) => ({
    severity,
    cells: Object.fromEntries(BOARD_COLUMNS.map((s) => [s, [] as Incident[]])),
    total: 0,
  }));
  const byStatus: Record<string, number> = Object.fromEntries(BOARD_COLUMNS.map((s) => [s, 0]));
  for (const i of latest.values()) {
    const row = rows.find((r) => r.severity === i.severity);
    if (!row) continue;
    (row.cells[i.status] ??= []).push(i);
    row.total++;
    byStatus[i.status] = (byStatus[i.status] ?? 0) + 1;
  }
  for (const r of rows) for (const list of Object.values(r.cells)) list.sort((a, b) => nextDeadline(a) - nextDeadline(b));
  const escalated = [...latest.values()].filter((i) => i.status === 'ESCALATED').sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || nextDeadline(a) - nextDeadline(b));
  return { rows, byStatus, escalated, total: latest.size };
}
