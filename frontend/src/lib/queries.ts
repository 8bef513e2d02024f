import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import { qk } from './queryKeys';
import type { Engineer, Incident, SystemInfo } from './types';

/** Shared reads used by more than one feature. */
export function useIncident(id: string) {
  return useQuery({ queryKey: qk.incident(id), queryFn: () => api.get<Incident>(`/api/incidents/${encodeURIComponent(id)}`) });
}

export function useSystems(enabled = true) {
  return useQuery({ queryKey: qk.systems, queryFn: () => api.get<SystemInfo[]>('/api/systems'), enabled, staleTime: 60_000 });
}

/** id → name for the systems the caller may see. */
export function useSystemNames(): Record<string, string> {
  const { data } = useSystems();
  const out: Record<string, string> = {};
  for (const s of data ?? []) out[s.id] = s.name;
  return out;
}

export function useEngineer(engineerId: string | null | undefined) {
  return useQuery({
    queryKey: qk.engineer(engineerId ?? ''),
    queryFn: () => api.get<Engineer>(`/api/engineers/${encodeURIComponent(engineerId!)}`),
    enabled: !!engineerId,
  });
}
