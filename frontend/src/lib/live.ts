import type { IFrame, IMessage, StompHeaders, StompSubscription } from '@stomp/stompjs';
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

/** What {@link subscribeAll} needs of a STOMP client (stompjs's Client has it). */
export interface Subscriber {
  subscribe(destination: string, callback: (message: IMessage) => void, headers?: StompHeaders): StompSubscription;
  watchForReceipt(receiptId: string, callback: (frame: IFrame) => void): void;
}

let receipts = 0;

/**
 * Subscribes to every destination, each SUBSCRIBE asking for a receipt, and calls `onAllLive` once all have come back.
 * The server sends a receipt only when its broker holds the subscription; a user queue's is registered a moment after
 * the SUBSCRIBE arrives. Until then a message to it is dropped, so the page is called live, and refetches its
 * snapshot, only after the last receipt: whatever happens from then on is in the snapshot or arrives live.
 */
export function subscribeAll(
  client: Subscriber,
  destinations: string[],
  onMessage: (msg: LiveMessage, destination: string) => void,
  onAllLive: () => void,
): StompSubscription[] {
  const waiting = new Set<string>();
  const subscriptions = destinations.map((destination) => {
    const receipt = `subscribed-${++receipts}`;
    waiting.add(receipt);
    client.watchForReceipt(receipt, () => {
      if (waiting.delete(receipt) && waiting.size === 0) onAllLive();
    });
    return client.subscribe(
      destination,
      (frame) => {
        const msg = parseLiveMessage(frame.body);
        if (msg) onMessage(msg, destination);
      },
      { receipt },
    );
  });
  if (destinations.length === 0) onAllLive();
  return subscriptions;
}

export function webSocketUrl(loc: { protocol: string; host: string }): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/ws`;
}

/** Marks the queries a message affects as stale; the active ones refetch over REST at once. */
export async function applyLiveMessage(queryClient: QueryClient, msg: LiveMessage): Promise<void> {
  await Promise.all(keysToInvalidate(msg).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
