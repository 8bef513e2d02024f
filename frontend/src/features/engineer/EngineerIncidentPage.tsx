import { useState, type FormEvent } from 'react';
import { Async } from '../../components/Async';
import { TextArea } from '../../components/Field';
import { IncidentSummary } from '../../components/IncidentSummary';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isApiError, toFieldErrors } from '../../lib/problem';
import { useIncident, useSystemNames } from '../../lib/queries';
import { Link } from '../../lib/router';
import { useResolve } from './api';

function ResolveForm({ incidentId }: { incidentId: string }) {
  const resolve = useResolve(incidentId);
  const [notes, setNotes] = useState('');
  const fieldErrors = toFieldErrors(isApiError(resolve.error) ? resolve.error.problem : undefined, ['resolution']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    resolve.mutate(notes);
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="resolve-h">
      <h2 id="resolve-h">Resolve</h2>
      <ProblemAlert error={resolve.error} prefix="Not resolved" />
      <TextArea label="Resolution notes" value={notes} onChange={(e) => setNotes(e.target.value)} error={fieldErrors.resolution} hint="What was wrong and what fixed it; this teaches future routing." />
      <div className="actions">
        <button className="btn btn-primary" type="submit" disabled={resolve.isPending || !notes.trim()}>
          {resolve.isPending ? 'Resolving…' : 'Mark resolved'}
        </button>
      </div>
    </form>
  );
}

export function EngineerIncidentPage({ id }: { id: string }) {
  const incident = useIncident(id);
  const names = useSystemNames();
  return (
    <section className="page">
      <p>
        <Link href="/engineer">← Console</Link>
      </p>
      <Async query={incident} what="the incident">
        {(i) => (
          <>
            <IncidentSummary incident={i} systemName={names[i.systemId]} />
            {i.status === 'ASSIGNED' ? <ResolveForm incidentId={i.id} /> : null}
          </>
        )}
      </Async>
    </section>
  );
}
