import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { SignInPage } from '../features/auth/SignInPage';
import { Layout } from '../components/Layout';
import { ForbiddenPage, Loading, NotFoundPage } from '../components/Pages';
import { ProblemAlert } from '../components/ProblemAlert';
import { matchPath, navigate, useLocation } from '../lib/router';
import { installSessionHandlers, landingFor, useMe } from '../lib/session';
import { startLive, stopLive } from '../lib/stomp';
import { makeQueryClient } from './queryClient';
import { ROUTES } from './routes';

function Router() {
  const queryClient = useQueryClient();
  const { pathname, search } = useLocation();
  const me = useMe();
  const user = me.data;

  // One live connection per signed-in user; it goes when they sign out.
  useEffect(() => {
    if (!user) return;
    startLive(queryClient, user.role);
    return () => stopLive();
  }, [user?.username, user?.role, queryClient]); // eslint-disable-line react-hooks/exhaustive-deps

  const isSignIn = pathname === '/signin';
  useEffect(() => {
    if (me.isPending || me.isError) return;
    if (!user && !isSignIn) {
      const next = pathname + (search.toString() ? `?${search}` : '');
      navigate(`/signin?next=${encodeURIComponent(next)}`, { replace: true });
    } else if (user && (isSignIn || pathname === '/')) {
      navigate(landingFor(user.role), { replace: true });
    }
  }, [user, isSignIn, pathname, search, me.isPending, me.isError]);

  if (me.isPending) return <Loading what="your session" />;
  if (me.isError)
    return (
      <main className="page">
        <ProblemAlert error={me.error} prefix="Cannot reach the server" />
        <button className="btn" type="button" onClick={() => me.refetch()}>
          Try again
        </button>
      </main>
    );
  if (!user) return isSignIn ? <SignInPage next={search.get('next')} /> : <Loading />;
  if (isSignIn || pathname === '/') return <Loading />;

  for (const r of ROUTES) {
    const params = matchPath(r.path, pathname);
    if (!params) continue;
    return <Layout me={user}>{r.roles.includes(user.role) ? r.render(params, user) : <ForbiddenPage />}</Layout>;
  }
  return (
    <Layout me={user}>
      <NotFoundPage />
    </Layout>
  );
}

export function App() {
  const queryClient = useMemo(() => {
    const qc = makeQueryClient();
    installSessionHandlers(qc);
    return qc;
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <Router />
    </QueryClientProvider>
  );
}
