/** How a timeline entry reads: a label for its type and a tone to colour it by. */
export type Tone = 'info' | 'ok' | 'warn' | 'bad' | 'steer';

const KNOWN: Record<string, { label: string; tone: Tone }> = {
  OPENED: { label: 'Opened', tone: 'info' },
  ROUTING: { label: 'Routing', tone: 'info' },
  OFFERED: { label: 'Offered', tone: 'info' },
  ACCEPTED: { label: 'Accepted', tone: 'ok' },
  DECLINED: { label: 'Declined', tone: 'warn' },
  EXPIRED: { label: 'Offer expired', tone: 'warn' },
  WITHDRAWN: { label: 'Offer withdrawn', tone: 'info' },
  ASSIGNED: { label: 'Assigned', tone: 'ok' },
  // a dispatcher steering routing by hand
  REASSIGNED: { label: 'Reassigned', tone: 'steer' },
  REROUTED: { label: 'Re-routed', tone: 'steer' },
  BROADCAST: { label: 'Broadcast to every qualified engineer', tone: 'steer' },
  ESCALATED: { label: 'Escalated', tone: 'bad' },
  SLA_WARNING: { label: 'SLA warning', tone: 'warn' },
  SLA_BREACHED: { label: 'SLA breached', tone: 'bad' },
  RESOLVED: { label: 'Resolved', tone: 'ok' },
};

export function describeEntry(type: string): { label: string; tone: Tone } {
  const known = KNOWN[type];
  if (known) return known;
  const words = type.replace(/_/g, ' ').toLowerCase().trim();
  return { label: words.charAt(0).toUpperCase() + words.slice(1), tone: 'info' };
}

/** True when a dispatcher went past an engineer's capacity or status; the server says so in the detail. */
export function isDispatcherOverride(detail: string | null | undefined): boolean {
  return !!detail && detail.includes('dispatcher override');
}
