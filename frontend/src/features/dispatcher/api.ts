import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../lib/api';
import { qk } from '../../lib/queryKeys';
import { OPEN_STATUSES, type DutyNow, type Engineer, type EngineerStatus, type Incident, type Page, type Recommendation, type SearchResult, type Suggestion } from '../../lib/types';

const BOARD_LIMIT = 200;

/** Open incidents, one request per open status (so resolved history never crowds the board). */
export function useBoardIncidents() {
  const results = useQueries({
    queries: OPEN_STATUSES.map((status) => {
      const params = { status, limit: BOARD_LIMIT };
      return { queryKey: qk.incidentList(params), queryFn: () => api.get<Page<Incident>>(withQuery('/api/incidents', params)) };
    }),
  });
  const items = results.flatMap((r) => r.data?.items ?? []);
  const truncated = results.some((r) => r.data && r.data.total > r.data.items.length);
  return {
    items,
    truncated,
    isPending: results.some((r) => r.isPending),
    errors: results.filter((r) => r.isError).map((r) => r.error),
  };
}

export function useEngineerList(limit = 200) {
  const params = { limit, offset: 0 };
  return useQuery({ queryKey: qk.engineerList(params), queryFn: () => api.get<Page<Engineer>>(withQuery('/api/engineers', params)) });
}

export function useSuggest(prefix: string) {
  const p = prefix.trim();
  return useQuery({
    queryKey: qk.suggest(p),
    queryFn: ({ signal }) => api.get<Suggestion[]>(withQuery('/api/engineers/suggest', { prefix: p, limit: 8 }), { signal }),
    enabled: p.length >= 2,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

export interface SearchParams {
  q?: string;
  skill?: string;
  system?: string;
  status?: string;
  near?: string;
  offset?: number;
}

export function useEngineerSearch(params: SearchParams) {
  const p = { ...params, limit: 20 };
  return useQuery({
    queryKey: qk.engineerSearch(p),
    queryFn: ({ signal }) => api.get<SearchResult>(withQuery('/api/engineers/search', { ...p }), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRecommendations(incident: Incident | undefined) {
  return useQuery({
    queryKey: qk.recommend(incident?.id ?? ''),
    enabled: !!incident,
    queryFn: () =>
      api.post<{ hits: Recommendation[] }>('/api/engineers/recommend', {
        systemId: incident!.systemId,
        title: incident!.title,
        description: incident!.description,
        limit: 10,
      }),
  });
}

/** A dispatcher's action on an incident; what it changes reaches every page through the incident queries. */
function useIncidentAction<V>(fn: (v: V) => Promise<Incident | undefined>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: qk.incidents });
      void qc.invalidateQueries({ queryKey: qk.engineers });
    },
  });
}

const reasonOnly = (reason: string) => (reason.trim() ? { reason: reason.trim() } : {});
const incidentPath = (incidentId: string, action: string) => `/api/incidents/${encodeURIComponent(incidentId)}/${action}`;

/** Assigns, or reassigns, with an optional reason for the timeline. */
export function useAssign(incidentId: string) {
  return useIncidentAction(({ engineerId, reason }: { engineerId: string; reason: string }) => api.post<Incident>(incidentPath(incidentId, 'assign'), { engineerId, ...reasonOnly(reason) }));
}

/** Sends an ESCALATED or ROUTING incident back to routing for a fresh round. */
export function useReroute(incidentId: string) {
  return useIncidentAction((reason: string) => api.post<Incident>(incidentPath(incidentId, 'reroute'), reasonOnly(reason)));
}

/** Rings every qualified, available engineer with room at once. */
export function useBroadcast(incidentId: string) {
  return useIncidentAction((reason: string) => api.post<Incident>(incidentPath(incidentId, 'broadcast'), reasonOnly(reason)));
}

export interface OnCallEntry {
  engineerId: string;
  name: string;
  status?: EngineerStatus;
  mode: DutyNow['mode'];
  until?: string | null;
}

/** Who is working or on call now, among engineers who keep a schedule (dispatchers, admins). */
export function useOnCallNow() {
  return useQuery({ queryKey: qk.onCall, queryFn: () => api.get<{ at: string; engineers: OnCallEntry[] }>('/api/on-call'), refetchInterval: 60_000 });
}
