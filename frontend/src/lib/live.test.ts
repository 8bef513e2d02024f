import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { IFrame, IMessage, StompHeaders } from '@stomp/stompjs';
import {
  applyLiveMessage,
  destinationsFor,
  keysToInvalidate,
  parseLiveMessage,
  personalEscalation,
  subscribeAll,
  webSocketUrl,
  type LiveMessage,
  type Subscriber,
} from './live';
import { qk } from './queryKeys';

describe('keysToInvalidate', () => {
  it('refreshes offers on OFFER and OFFER_WITHDRAWN', () => {
    expect(keysToInvalidate({ type: 'OFFER', offerId: 'o1', incidentId: 'i1', severity: 'SEV1', title: 't', systemId: 's', expiresAt: '' })).toEqual([['offers']]);
    expect(keysToInvalidate({ type: 'OFFER_WITHDRAWN', offerId: 'o1', incidentId: 'i1' })).toEqual([['offers'], ['incidents', 'detail', 'i1']]);
  });
  it('refreshes every incident view on INCIDENT_UPDATED and ESCALATED', () => {
    expect(keysToInvalidate({ type: 'INCIDENT_UPDATED', incidentId: 'i1', status: 'ASSIGNED' })).toContainEqual(['incidents']);
    expect(keysToInvalidate({ type: 'ESCALATED', incidentId: 'i1' })).toEqual([['incidents']]);
  });
  it('refreshes engineer lists, that engineer and the on-call list on ENGINEER_STATUS', () => {
    expect(keysToInvalidate({ type: 'ENGINEER_STATUS', engineerId: 'e1', status: 'BUSY' })).toEqual([['engineers', 'list'], ['engineers', 'search'], ['engineers', 'detail', 'e1'], ['schedule', 'on-call']]);
  });
  it('ignores unknown types', () => {
    expect(keysToInvalidate({ type: 'SOMETHING_NEW' })).toEqual([]);
  });
});

describe('applyLiveMessage', () => {
  function client() {
    const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    qc.setQueryData(qk.incident('i1'), { id: 'i1' });
    qc.setQueryData(qk.incidentList({ status: 'OPEN', limit: 200 }), { total: 0, items: [] });
    qc.setQueryData(qk.offers, []);
    qc.setQueryData(qk.engineerList({ limit: 200, offset: 0 }), { total: 0, items: [] });
    qc.setQueryData(qk.systems, []);
    return qc;
  }
  const stale = (qc: QueryClient, key: readonly unknown[]) => qc.getQueryState(key)?.isInvalidated;

  it('invalidates the incident queries, not unrelated ones', async () => {
    const qc = client();
    await applyLiveMessage(qc, { type: 'INCIDENT_UPDATED', incidentId: 'i1', status: 'ASSIGNED' });
    expect(stale(qc, qk.incident('i1'))).toBe(true);
    expect(stale(qc, qk.incidentList({ status: 'OPEN', limit: 200 }))).toBe(true);
    expect(stale(qc, qk.systems)).toBe(false);
  });

  it('refetches an active query over REST', async () => {
    const qc = client();
    let calls = 0;
    const observer = new QueryObserver(qc, { queryKey: qk.offers, queryFn: async () => [{ offerId: `o${++calls}` }], staleTime: Infinity });
    const unsubscribe = observer.subscribe(() => {});
    await applyLiveMessage(qc, { type: 'OFFER', offerId: 'o1', incidentId: 'i1', severity: 'SEV2', title: 't', systemId: 's', expiresAt: '' });
    expect(calls).toBe(1);
    expect(qc.getQueryData(qk.offers)).toEqual([{ offerId: 'o1' }]);
    expect(stale(qc, qk.engineerList({ limit: 200, offset: 0 }))).toBe(false);
    unsubscribe();
  });
});

describe('parseLiveMessage', () => {
  it('accepts JSON objects with a type', () => {
    expect(parseLiveMessage('{"type":"ESCALATED","incidentId":"i"}')).toEqual({ type: 'ESCALATED', incidentId: 'i' });
  });
  it('ignores anything else', () => {
    expect(parseLiveMessage('not json')).toBeUndefined();
    expect(parseLiveMessage('{"no":"type"}')).toBeUndefined();
    expect(parseLiveMessage('[1]')).toBeUndefined();
  });
});

describe('personalEscalation', () => {
  it('takes an ESCALATED on the own queue as addressed to this dispatcher', () => {
    expect(personalEscalation({ type: 'ESCALATED', incidentId: 'INC-1', reason: 'No qualified engineer is available' }, '/user/queue/incidents')).toEqual({
      incidentId: 'INC-1',
      reason: 'No qualified engineer is available',
    });
  });
  it('ignores the board’s copy and other messages on the own queue', () => {
    expect(personalEscalation({ type: 'ESCALATED', incidentId: 'INC-1' }, '/topic/board')).toBeUndefined();
    expect(personalEscalation({ type: 'INCIDENT_UPDATED', incidentId: 'INC-1', status: 'ASSIGNED' }, '/user/queue/incidents')).toBeUndefined();
  });
});

describe('destinationsFor', () => {
  it('subscribes each role only where it may', () => {
    expect(destinationsFor('CUSTOMER')).toEqual(['/user/queue/incidents']);
    expect(destinationsFor('ENGINEER')).toEqual(['/user/queue/incidents', '/user/queue/offers']);
    expect(destinationsFor('DISPATCHER')).toEqual(['/user/queue/incidents', '/topic/board']);
    expect(destinationsFor('ADMIN')).toEqual(['/user/queue/incidents', '/topic/board']);
  });
});

describe('webSocketUrl', () => {
  it('follows the page origin', () => {
    expect(webSocketUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws');
    expect(webSocketUrl({ protocol: 'https:', host: 'sb.example' })).toBe('wss://sb.example/ws');
  });
});

describe('subscribeAll', () => {
  /** Records what a STOMP client was asked; the test plays the server's receipts and messages. */
  function fakeClient() {
    const subscribed: { destination: string; headers: StompHeaders; deliver: (body: string) => void }[] = [];
    const watchers = new Map<string, () => void>();
    const client: Subscriber = {
      subscribe(destination, callback, headers = {}) {
        subscribed.push({ destination, headers, deliver: (body) => callback({ body } as IMessage) });
        return { id: `sub-${subscribed.length}`, unsubscribe: () => {} };
      },
      watchForReceipt(receiptId, callback) {
        watchers.set(receiptId, () => callback({} as IFrame));
      },
    };
    const receipt = (destination: string) => watchers.get(String(subscribed.find((s) => s.destination === destination)?.headers.receipt))!();
    return { client, subscribed, watchers, receipt };
  }

  it('calls the page live only once the server confirmed every subscription, in whatever order', () => {
    const { client, subscribed, watchers, receipt } = fakeClient();
    let live = 0;
    subscribeAll(client, ['/user/queue/incidents', '/user/queue/offers', '/topic/board'], () => {}, () => live++);

    expect(subscribed.map((s) => s.destination)).toEqual(['/user/queue/incidents', '/user/queue/offers', '/topic/board']);
    const asked = subscribed.map((s) => s.headers.receipt);
    expect(new Set(asked).size).toBe(3);
    asked.forEach((id) => expect(watchers.has(String(id))).toBe(true));

    receipt('/topic/board');
    receipt('/user/queue/incidents');
    expect(live).toBe(0);
    receipt('/user/queue/offers');
    expect(live).toBe(1);
    receipt('/user/queue/offers');
    expect(live).toBe(1);
  });

  it('asks for new receipts on every connection', () => {
    const first = fakeClient();
    const second = fakeClient();
    subscribeAll(first.client, ['/user/queue/incidents'], () => {}, () => {});
    subscribeAll(second.client, ['/user/queue/incidents'], () => {}, () => {});
    expect(second.subscribed[0].headers.receipt).not.toBe(first.subscribed[0].headers.receipt);
  });

  it('hands on parsed messages with their destination and drops what is not a live message', () => {
    const { client, subscribed } = fakeClient();
    const got: [LiveMessage, string][] = [];
    subscribeAll(client, ['/user/queue/incidents', '/topic/board'], (msg, destination) => got.push([msg, destination]), () => {});
    subscribed[1].deliver('{"type":"ESCALATED","incidentId":"INC-1"}');
    subscribed[0].deliver('not json');
    subscribed[0].deliver('{"incidentId":"INC-2"}');
    expect(got).toEqual([[{ type: 'ESCALATED', incidentId: 'INC-1' }, '/topic/board']]);
  });

  it('is live at once when there is nothing to subscribe to', () => {
    const { client } = fakeClient();
    let live = false;
    subscribeAll(client, [], () => {}, () => (live = true));
    expect(live).toBe(true);
  });
});
