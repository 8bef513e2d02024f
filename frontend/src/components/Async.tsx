import type { ReactNode } from 'react';
import { Loading } from './Pages';
import { ProblemAlert } from './ProblemAlert';
import { QueryError } from './QueryError';

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
}

/** Renders a query: loading, its error (403 → forbidden page), or the data — keeping stale data visible with the error above it. */
export function Async<T>({ query, what, children }: { query: QueryLike<T>; what: string; children: (data: T) => ReactNode }) {
  if (query.data !== undefined) {
    return (
      <>
        {query.isError ? <ProblemAlert error={query.error} prefix={`Could not refresh ${what}`} /> : null}
        {children(query.data)}
      </>
    );
  }
  if (query.isError) return <QueryError error={query.error} what={what} />;
  return <Loading what={what} />;
}
