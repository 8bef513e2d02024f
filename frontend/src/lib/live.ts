import type { QueryClient } from '@tanstack/react-query';
import type { EngineerStatus, IncidentStatus, Severity } from './types';

/** Messages on /user/queue/offers, /user/queue/incidents and /topic/board (API.md). */
export type LiveMessage =
  | { type: 'OFFER'; offerId: string; incidentId: string; severity: Severity; title: string; systemId: string; expiresAt: string }
  | { type: 'OFFER_WITHDRAWN'; offerId: string; incidentId: string; reason?: string }
  | { type: 'INCIDENT_UPDATED'; incidentId: string; status: IncidentStatus; assignee?: unknown; at?: string }
  | { type: 'ESCALATED'; incidentId: string; reason?: string }
  | { type: 'ENGINEER_STATUS'; engineerId: string; status: EngineerStatus }
  | { type: string; [k: string]: unknown };

export type QueryKeyPrefix = readonly unknown[];

/**
 * Which cached queries a live message makes stale. The pages then refetch over REST,
 * so what they show is always the server's truth, never a patched copy.
 */
export function keysToInvalidate(msg: LiveMessage): QueryKeyPrefix[] {
  switch (msg.type) {
    case 'OFFER':
      return [['offers']];
    case 'OFFER_WITHDRAWN':
      return [['offers'], ['incidents', 'detail', String(msg.incidentId)]];
    case 'INCIDENT_UPDATED':
      // lists, details and "mine"; an engineer's load and pending offers change with assignments
      return [['incidents'], ['offers'], ['engineers', 'list'], ['engineers', 'detail']];
    case 'ESCALATED':
      return [['incidents']];
    case 'ENGINEER_STATUS':
      // the on-call list shows each engineer's presence too
      return [['engineers', 'list'], ['engineers', 'search'], ['engineers', 'detail', String(msg.engineerId)], ['schedule', 'on-call']];
    default:
      return [];
  }
}

/** Parses a STOMP body; a body that is not a JSON object with a string `type` is ignored. */
export function parseLiveMessage(body: string): LiveMessage | undefined {
  try {
    const v = JSON.parse(body);
    if (v && typeof v === 'object' && typeof v.type === 'string') return v as LiveMessage;
  } catch {
    /* not JSON */
  }
  return undefined;
}

/**
 * An ESCALATED on the dispatcher's own queue: the severity's policy names them in `escalate-to`. The copy on
 * /topic/board goes to every dispatcher and is not personal.
 */
export function personalEscalation(msg: LiveMessage, destination: string): { incidentId: string; reason?: string } | undefined {
  if (msg.type !== 'ESCALATED' || destination !== '/user/queue/incidents' || typeof msg.incidentId !== 'string') return undefined;
  return { incidentId: msg.incidentId, reason: typeof msg.reason === 'string' ? msg.reason : undefined };
}

/** Destinations a role subscribes to. */
export function destinationsFor(role: string): string[] {
  const d = ['/user/queue/incidents'];
  if (role === 'ENGINEER') d.push('/user/queue/offers');
  if (role === 'DISPATCHER' || role === 'ADMIN') d.push('/topic/board');
  return d;
}

export function webSocketUrl(loc: { protocol: string; host: string }): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/ws`;
}

/** Marks the queries a message affects as stale; the active ones refetch over REST at once. */
export async function applyLiveMessage(queryClient: QueryClient, msg: LiveMessage): Promise<void> {
  await Promise.all(keysToInvalidate(msg).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
