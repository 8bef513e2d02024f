import { useState, type FormEvent } from 'react';
import { Async } from '../../components/Async';
import { TextField } from '../../components/Field';
import { IncidentSummary } from '../../components/IncidentSummary';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useIncident, useSystemNames } from '../../lib/queries';
import { Link } from '../../lib/router';
import { fmtNum } from '../../lib/time';
import { assigneeId, type Incident } from '../../lib/types';
import { useAssign, useRecommendations } from './api';

function Recommendations({ incident }: { incident: Incident }) {
  const recs = useRecommendations(incident);
  const assign = useAssign(incident.id);
  const [manual, setManual] = useState('');
  const current = assigneeId(incident.assignee);
  const closed = incident.status === 'RESOLVED';
  const doAssign = (engineerId: string) => assign.mutate(engineerId);
  const submitManual = (e: FormEvent) => {
    e.preventDefault();
    if (manual.trim()) doAssign(manual.trim());
  };
  return (
    <section className="card" aria-labelledby="rec-h">
      <div className="page-head">
        <h2 id="rec-h">Recommended engineers</h2>
        <button className="btn btn-quiet" type="button" onClick={() => recs.refetch()} disabled={recs.isFetching}>
          {recs.isFetching ? 'Ranking…' : 'Rank again'}
        </button>
      </div>
      <ProblemAlert error={assign.error} prefix="Not assigned" />
      {assign.isSuccess ? (
        <p className="alert alert-ok" role="status">
          Assigned to {assign.variables}.
        </p>
      ) : null}
      <Async query={recs} what="recommendations">
        {(r) =>
          r.hits.length === 0 ? (
            <p className="muted">No engineer matches this incident.</p>
          ) : (
            <ol className="recs">
              {r.hits.map((h) => (
                <li key={h.engineerId} className="rec" data-engineer-id={h.engineerId}>
                  <div className="hit-head">
                    <h3>{h.name}</h3>
                    <span className="small muted">
                      {h.engineerId} · score {fmtNum(h.score)}
                    </span>
                    {current === h.engineerId ? (
                      <span className="badge status-assigned">assignee</span>
                    ) : (
                      <button className="btn btn-small" type="button" disabled={closed || assign.isPending} onClick={() => doAssign(h.engineerId)} aria-label={`Assign ${h.name}`}>
                        Assign
                      </button>
                    )}
                  </div>
                  <details>
                    <summary>Why this engineer</summary>
                    <ul className="reasons">
                      {h.reasons.map((x, i) => (
                        <li key={i}>
                          <strong>{x.signal}</strong> <span className="muted">({fmtNum(x.weight)})</span> — {x.detail}
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              ))}
            </ol>
          )
        }
      </Async>
      <form className="inline-form" onSubmit={submitManual}>
        <TextField label="Assign by engineer id" value={manual} onChange={(e) => setManual(e.target.value)} />
        <button className="btn" type="submit" disabled={closed || assign.isPending || !manual.trim()}>
          Assign
        </button>
      </form>
    </section>
  );
}

export function DispatchIncidentPage({ id }: { id: string }) {
  const incident = useIncident(id);
  const names = useSystemNames();
  return (
    <section className="page">
      <p>
        <Link href="/dispatch">← Board</Link>
      </p>
      <Async query={incident} what="the incident">
        {(i) => (
          <div className="two-col">
            <IncidentSummary incident={i} systemName={names[i.systemId]} />
            <Recommendations incident={i} />
          </div>
        )}
      </Async>
    </section>
  );
}
