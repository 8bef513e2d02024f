import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import { qk } from './queryKeys';
import type { NewOverride, Override, Schedule, WeeklyPattern } from './schedule';

/** Whose schedule: an engineer's by id (dispatchers, admins) or the caller's own (no id). */
export interface ScheduleTarget {
  path: string;
  key: readonly unknown[];
}

export function scheduleTarget(engineerId?: string): ScheduleTarget {
  return engineerId ? { path: `/api/engineers/${encodeURIComponent(engineerId)}/schedule`, key: qk.schedule(engineerId) } : { path: '/api/me/schedule', key: qk.mySchedule };
}

/**
 * Refetched each minute, since working hours pass without any message, and on every mount: someone else (a
 * dispatcher, the engineer) may have changed it a moment ago, and no message says so.
 */
export function useSchedule(target: ScheduleTarget) {
  return useQuery({ queryKey: target.key, queryFn: () => api.get<Schedule>(target.path), refetchInterval: 60_000, refetchOnMount: 'always' });
}

/**
 * Every schedule change moves the "now" verdicts and the on-call list, whoever's schedule it was; a week saved
 * with a time zone also changes the engineer's profile.
 */
function useScheduleMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: qk.schedules });
      void qc.invalidateQueries({ queryKey: qk.engineers });
    },
  });
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
