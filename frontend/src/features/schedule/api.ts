import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { qk } from '../../lib/queryKeys';
import type { EngineerStatus } from '../../lib/types';
import type { NewOverride, Override, Schedule, WeeklyPattern } from './schedule';

/** Whose schedule: an engineer's by id (dispatchers, admins) or the caller's own (no id). */
export interface ScheduleTarget {
  path: string;
  key: readonly unknown[];
}

export function scheduleTarget(engineerId?: string): ScheduleTarget {
  return engineerId ? { path: `/api/engineers/${encodeURIComponent(engineerId)}/schedule`, key: qk.schedule(engineerId) } : { path: '/api/me/schedule', key: qk.mySchedule };
}

/** Refetched each minute, since working hours pass without any message. */
export function useSchedule(target: ScheduleTarget) {
  return useQuery({ queryKey: target.key, queryFn: () => api.get<Schedule>(target.path), refetchInterval: 60_000 });
}

/** Every schedule change moves the "now" verdicts and the on-call list, whoever's schedule it was. */
function useScheduleMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => void qc.invalidateQueries({ queryKey: qk.schedules }) });
}

export function useSavePattern(target: ScheduleTarget) {
  return useScheduleMutation((pattern: WeeklyPattern) => api.put<Schedule>(target.path, pattern));
}

export function useRemovePattern(target: ScheduleTarget) {
  return useScheduleMutation(() => api.delete(target.path));
}

export function useAddOverride(target: ScheduleTarget) {
  return useScheduleMutation((o: NewOverride) => api.post<Override>(`${target.path}/overrides`, o));
}

export function useRemoveOverride(target: ScheduleTarget) {
  return useScheduleMutation((id: string) => api.delete(`${target.path}/overrides/${encodeURIComponent(id)}`));
}

export interface OnCallEntry {
  engineerId: string;
  name: string;
  status?: EngineerStatus;
  mode: 'WORKING' | 'ON_CALL' | 'OFF';
  until?: string | null;
}

/** Who is working or on call now, among engineers who keep a schedule (dispatchers, admins). */
export function useOnCallNow() {
  return useQuery({ queryKey: qk.onCall, queryFn: () => api.get<{ at: string; engineers: OnCallEntry[] }>('/api/on-call'), refetchInterval: 60_000 });
}
