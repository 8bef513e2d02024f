import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../lib/api';
import { qk } from '../../lib/queryKeys';
import type { Incident, Page, Severity } from '../../lib/types';

export function useCustomerIncidents() {
  const params = { limit: 200 };
  return useQuery({ queryKey: qk.incidentList(params), queryFn: () => api.get<Page<Incident>>(withQuery('/api/incidents', params)) });
}

export interface NewIncident {
  systemId: string;
  severity: Severity | '';
  title: string;
  description: string;
}

export function useOpenIncident() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewIncident) => api.post<Incident>('/api/incidents', body),
    onSuccess: (incident) => {
      qc.setQueryData(qk.incident(incident.id), incident);
      void qc.invalidateQueries({ queryKey: qk.incidents });
    },
  });
}

/** Open incidents first, then newest first. */
export function sortForCustomer(items: Incident[]): Incident[] {
  return [...items].sort((a, b) => {
    const ra = a.status === 'RESOLVED' ? 1 : 0;
    const rb = b.status === 'RESOLVED' ? 1 : 0;
    if (ra !== rb) return ra - rb;
    return Date.parse(b.openedAt) - Date.parse(a.openedAt);
  });
}
