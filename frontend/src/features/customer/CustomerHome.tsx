import { Async } from '../../components/Async';
import { IncidentTable } from '../../components/IncidentTable';
import { useSystemNames } from '../../lib/queries';
import { Link } from '../../lib/router';
import type { Me } from '../../lib/types';
import { sortForCustomer, useCustomerIncidents } from './api';

export function CustomerHome({ me }: { me: Me }) {
  const incidents = useCustomerIncidents();
  const names = useSystemNames();
  return (
    <section className="page">
      <div className="page-head">
        <h1>My incidents</h1>
        <Link href="/customer/new" className="btn btn-primary">
          Open an incident
        </Link>
      </div>
      <p className="muted">Customer {me.customerId ?? '—'} · statuses update live.</p>
      <Async query={incidents} what="your incidents">
        {(page) => (
          <>
            <IncidentTable incidents={sortForCustomer(page.items)} hrefFor={(i) => `/customer/incidents/${encodeURIComponent(i.id)}`} systemNames={names} />
            {page.total > page.items.length ? (
              <p className="muted">
                Showing {page.items.length} of {page.total}.
              </p>
            ) : null}
          </>
        )}
      </Async>
    </section>
  );
}
