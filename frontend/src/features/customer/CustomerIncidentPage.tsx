import { Async } from '../../components/Async';
import { IncidentSummary } from '../../components/IncidentSummary';
import { useIncident, useSystemNames } from '../../lib/queries';
import { Link } from '../../lib/router';

export function CustomerIncidentPage({ id }: { id: string }) {
  const incident = useIncident(id);
  const names = useSystemNames();
  return (
    <section className="page">
      <p>
        <Link href="/customer">← My incidents</Link>
      </p>
      <Async query={incident} what="the incident">
        {(i) => <IncidentSummary incident={i} systemName={names[i.systemId]} />}
      </Async>
    </section>
  );
}
