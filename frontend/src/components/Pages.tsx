import { Link } from '../lib/router';

export function ForbiddenPage({ detail }: { detail?: string }) {
  return (
    <section className="page center-page" aria-labelledby="forbidden-title">
      <p className="big-code" aria-hidden="true">403</p>
      <h1 id="forbidden-title">Forbidden</h1>
      <p>{detail ?? 'Your account may not open this page.'}</p>
      <p>
        <Link href="/">Go to your start page</Link>
      </p>
    </section>
  );
}

export function NotFoundPage() {
  return (
    <section className="page center-page" aria-labelledby="notfound-title">
      <p className="big-code" aria-hidden="true">404</p>
      <h1 id="notfound-title">Page not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <Link href="/">Go to your start page</Link>
      </p>
    </section>
  );
}

export function Loading({ what }: { what?: string }) {
  return (
    <p className="muted" role="status">
      Loading{what ? ` ${what}` : ''}…
    </p>
  );
}
