import { Client, type IFrame, type StompSubscription } from '@stomp/stompjs';
import type { QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { applyLiveMessage, destinationsFor, subscribeAll, webSocketUrl, type LiveMessage } from './live';

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting';
export interface ConnectionState {
  status: ConnectionStatus;
  /** Last STOMP ERROR or socket problem, shown next to the indicator. */
  error?: string;
  since: number;
}

let state: ConnectionState = { status: 'idle', since: Date.now() };
const stateListeners = new Set<() => void>();
function setState(next: Partial<ConnectionState>) {
  const status = next.status ?? state.status;
  state = { ...state, ...next, since: status !== state.status ? Date.now() : state.since };
  stateListeners.forEach((l) => l());
}

type MessageListener = (msg: LiveMessage, destination: string) => void;
const messageListeners = new Set<MessageListener>();

/** Lets a feature react to live messages (e.g. the engineer's offer beep). Returns an unsubscribe. */
export function onLiveMessage(l: MessageListener): () => void {
  messageListeners.add(l);
  return () => messageListeners.delete(l);
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(
    (l) => {
      stateListeners.add(l);
      return () => stateListeners.delete(l);
    },
    () => state,
  );
}

let client: Client | undefined;
let everConnected = false;

/**
 * Starts THE one STOMP client for the signed-in user. Each message invalidates the matching
 * query keys; every (re)connect invalidates everything, so the pages refetch the truth over REST.
 */
export function startLive(queryClient: QueryClient, role: string): void {
  stopLive();
  everConnected = false;
  const subs: StompSubscription[] = [];
  const c = new Client({
    brokerURL: webSocketUrl(window.location),
    reconnectDelay: 2000,
    heartbeatIncoming: 15000,
    heartbeatOutgoing: 15000,
    onConnect: () => {
      const wasReconnect = everConnected;
      everConnected = true;
      const live = (msg: LiveMessage, destination: string) => {
        void applyLiveMessage(queryClient, msg);
        messageListeners.forEach((l) => l(msg, destination));
      };
      subs.push(
        ...subscribeAll(c, destinationsFor(role), live, () => {
          if (client !== c) return;
          setState({ status: 'connected', error: undefined });
          // Whatever happened while we were away is fetched again, now that nothing new can slip past.
          void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' || wasReconnect });
        }),
      );
    },
    onStompError: (frame: IFrame) => {
      setState({ error: frame.headers['message'] || frame.body || 'STOMP error' });
    },
    onWebSocketClose: () => {
      subs.length = 0;
      if (client === c) setState({ status: everConnected ? 'reconnecting' : 'connecting' });
    },
    onWebSocketError: () => {
      setState({ error: 'Live connection failed; retrying' });
    },
  });
  client = c;
  setState({ status: 'connecting', error: undefined });
  c.activate();
}

export function stopLive(): void {
  const c = client;
  client = undefined;
  if (c) void c.deactivate();
  setState({ status: 'idle', error: undefined });
}
