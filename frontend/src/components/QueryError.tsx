import { isApiError } from '../lib/problem';
import { ForbiddenPage } from './Pages';
import { ProblemAlert } from './ProblemAlert';

/** A failed page load: 403 gets the forbidden page, anything else the server's problem details. */
export function QueryError({ error, what }: { error: unknown; what?: string }) {
  if (isApiError(error) && error.status === 403) return <ForbiddenPage detail={error.problem.detail} />;
  return <ProblemAlert error={error} prefix={what ? `Could not load ${what}` : undefined} />;
}
