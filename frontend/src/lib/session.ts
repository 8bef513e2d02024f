import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, request, setUnauthorizedHandler } from './api';
import { isApiError } from './problem';
import { qk } from './queryKeys';
import { stopLive } from './stomp';
import type { Me, Role } from './types';

/** The signed-in user, or null when signed out (GET /api/me answers 401; it still sets the CSRF cookie). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/me', { quiet401: true });
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: qk.me, queryFn: fetchMe, staleTime: 60_000, retry: 1 });
}

export function installSessionHandlers(queryClient: QueryClient) {
  setUnauthorizedHandler(() => queryClient.setQueryData(qk.me, null));
}

export async function signIn(username: string, password: string): Promise<Me> {
  const form = new URLSearchParams({ username, password });
  const me = await request<Me | undefined>('POST', '/login', {
    rawBody: form,
    contentType: 'application/x-www-form-urlencoded',
    quiet401: true,
  });
  // The session (and the CSRF token) changed: ask again, which also refreshes the cookie.
  const fresh = await fetchMe();
  if (!fresh) throw new Error('Signed in, but the server does not know the session.');
  return fresh ?? (me as Me);
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  stopLive();
  try {
    await request<void>('POST', '/logout', { quiet401: true });
  } finally {
    queryClient.clear();
    queryClient.setQueryData(qk.me, null);
  }
}

export function landingFor(role: Role): string {
  switch (role) {
    case 'ADMIN':
      return '/admin';
    case 'DISPATCHER':
      return '/dispatch';
    case 'ENGINEER':
      return '/engineer';
    case 'CUSTOMER':
      return '/customer';
  }
}
