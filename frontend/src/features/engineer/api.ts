import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { qk } from '../../lib/queryKeys';
import { navigate } from '../../lib/router';
import type { Engineer, EngineerStatus, Incident, Offer } from '../../lib/types';

export function useSetStatus(engineerId: string | null | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (status: EngineerStatus) => api.put<unknown>('/api/me/status', { status }),
    onSuccess: (_r, status) => {
      if (engineerId) qc.setQueryData<Engineer>(qk.engineer(engineerId), (e) => (e ? { ...e, status } : e));
      void qc.invalidateQueries({ queryKey: qk.engineers });
    },
  });
}

export function useOffers() {
  return useQuery({ queryKey: qk.offers, queryFn: () => api.get<Offer[]>('/api/me/offers') });
}

export function useOfferIncident(incidentId: string) {
  return useQuery({
    queryKey: qk.incident(incidentId),
    queryFn: () => api.get<Incident>(`/api/incidents/${encodeURIComponent(incidentId)}`),
    retry: false,
  });
}

export function useAcceptOffer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (offer: Offer) => api.post<unknown>(`/api/offers/${encodeURIComponent(offer.offerId)}/accept`),
    // here, not in mutate(): the live refetch may remove the offer card before the answer arrives
    onSuccess: (_r, offer) => navigate(`/engineer/incidents/${encodeURIComponent(offer.incidentId)}`),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: qk.offers });
      void qc.invalidateQueries({ queryKey: qk.incidents });
    },
  });
}

export function useDeclineOffer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ offer, reason }: { offer: Offer; reason: string }) =>
      api.post<unknown>(`/api/offers/${encodeURIComponent(offer.offerId)}/decline`, reason.trim() ? { reason: reason.trim() } : {}),
    onSettled: () => void qc.invalidateQueries({ queryKey: qk.offers }),
  });
}

export function useMyIncidents() {
  return useQuery({ queryKey: qk.myIncidents, queryFn: () => api.get<Incident[]>('/api/me/incidents') });
}

export function useResolve(incidentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (resolution: string) => api.post<Incident | undefined>(`/api/incidents/${encodeURIComponent(incidentId)}/resolve`, { resolution }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: qk.incidents }),
  });
}
