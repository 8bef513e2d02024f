import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request, withQuery } from '../../lib/api';
import { qk } from '../../lib/queryKeys';
import type { Customer, Engineer, ImportResult, Page, SystemInfo, UserAccount } from '../../lib/types';

export function useCustomers() {
  return useQuery({ queryKey: qk.customers, queryFn: () => api.get<Customer[]>('/api/customers') });
}

export function useAdminEngineers(offset: number, limit = 50) {
  const params = { limit, offset };
  return useQuery({ queryKey: qk.engineerList(params), queryFn: () => api.get<Page<Engineer>>(withQuery('/api/engineers', params)) });
}

export function useUsers() {
  return useQuery({ queryKey: qk.users, queryFn: () => api.get<UserAccount[]>('/api/users') });
}

function useCreate<TBody, TResult>(fn: (b: TBody) => Promise<TResult>, invalidate: readonly unknown[]) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: invalidate }) });
}

export const useCreateCustomer = () => useCreate((b: { id?: string; name: string }) => api.post<Customer>('/api/customers', b), qk.customers);

export const useCreateSystem = () =>
  useCreate(({ customerId, ...b }: { customerId: string } & Partial<SystemInfo>) => api.post<SystemInfo>(`/api/customers/${encodeURIComponent(customerId)}/systems`, b), qk.systems);

export const useCreateEngineer = () => useCreate((b: Partial<Engineer>) => api.post<Engineer>('/api/engineers', b), qk.engineers);

export const useCreateUser = () => useCreate((b: UserAccount & { password: string }) => api.post<UserAccount>('/api/users', b), qk.users);

export function sendImportChunk(body: string, signal?: AbortSignal): Promise<ImportResult> {
  return request<ImportResult>('POST', '/api/import', { rawBody: body, contentType: 'application/x-ndjson', signal });
}
