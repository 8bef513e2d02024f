import { isApiError } from '../lib/problem';

/** Shows a server error (problem details) or any other error. Never swallowed. */
export function ProblemAlert({ error, prefix }: { error: unknown; prefix?: string }) {
  if (!error) return null;
  let title = 'Something went wrong';
  let detail: string | undefined;
  let status: number | undefined;
  if (isApiError(error)) {
    title = error.problem.title;
    detail = error.problem.detail;
    status = error.status || undefined;
  } else if (error instanceof Error) {
    detail = error.message;
  } else {
    detail = String(error);
  }
  return (
    <div className="alert alert-error" role="alert">
      <strong>
        {prefix ? `${prefix}: ` : ''}
        {title}
        {status ? ` (${status})` : ''}
      </strong>
      {detail && detail !== title ? <div>{detail}</div> : null}
    </div>
  );
}
