import { useState, type FormEvent } from 'react';
import { Async } from '../../components/Async';
import { TextField } from '../../components/Field';
import { IncidentSummary } from '../../components/IncidentSummary';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useIncident, useSystemNames } from '../../lib/queries';
import { Link } from '../../lib/router';
import { fmtNum } from '../../lib/time';
import { assigneeId, type Incident } from '../../lib/types';
import { useAssign, useBroadcast, useRecommendations, useReroute } from './api';

const REROUTABLE = ['ROUTING', 'ESCALATED'];
const BROADCASTABLE = ['OPEN', 'ROUTING', 'ESCALATED'];

/** Re-route and broadcast, and the reason that goes on the timeline with any of the dispatcher's actions. */
function Steering({ incident, reason, onReason }: { incident: Incident; reason: string; onReason: (r: string) => void }) {
  const reroute = useReroute(incident.id);
  const broadcast = useBroadcast(incident.id);
  const busy = reroute.isPending || broadcast.isPending;
  const run = (action: typeof reroute) => {
    reroute.reset();
    broadcast.reset();
    action.mutate(reason);
  };
  return (
    <section className="card steering" aria-labelledby="steer-h">
      <h2 id="steer-h">Dispatch</h2>
      <TextField label="Reason (optional)" value={reason} onChange={(e) => onReason(e.target.value)} maxLength={500} hint="Goes on the timeline with a re-route, broadcast or assignment." placeholder="e.g. plant down, all hands" />
      <div className="actions">
        <button className="btn" type="button" disabled={busy || !REROUTABLE.includes(incident.status)} onClick={() => run(reroute)}>
          Re-route
        </button>
        <button className="btn btn-primary" type="button" disabled={busy || !BROADCASTABLE.includes(incident.status)} onClick={() => run(broadcast)}>
          {broadcast.isPending ? 'Broadcasting…' : 'Broadcast to every qualified engineer'}
        </button>
      </div>
      <ProblemAlert error={reroute.error} prefix="Not re-routed" />
      <ProblemAlert error={broadcast.error} prefix="Not broadcast" />
      {reroute.isSuccess ? (
        <p className="alert alert-ok" role="status">
          Sent back to routing.
        </p>
      ) : null}
      {broadcast.isSuccess ? (
        <p className="alert alert-ok" role="status">
          Offered to every qualified engineer; the first to accept takes it.
        </p>
      ) : null}
    </section>
  );
}

function Recommendations({ incident, reason }: { incident: Incident; reason: string }) {
  const recs = useRecommendations(incident);
  const assign = useAssign(incident.id);
  const [manual, setManual] = useState('');
  const current = assigneeId(incident.assignee);
  const closed = incident.status === 'RESOLVED';
  const verb = current ? 'Reassign' : 'Assign';
  const doAssign = (engineerId: string) => assign.mutate({ engineerId, reason });
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
          Assigned to {assign.variables?.engineerId}.
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
                      <button className="btn btn-small" type="button" disabled={closed || assign.isPending} onClick={() => doAssign(h.engineerId)} aria-label={`${verb} ${h.name}`}>
                        {verb}
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
        <TextField label={`${verb} by engineer id`} value={manual} onChange={(e) => setManual(e.target.value)} />
        <button className="btn" type="submit" disabled={closed || assign.isPending || !manual.trim()}>
          {verb}
        </button>
      </form>
    </section>
  );
}

export function DispatchIncidentPage({ id }: { id: string }) {
  const incident = useIncident(id);
  const names = useSystemNames();
  const [reason, setReason] = useState('');
  return (
    <section className="page">
      <p>
        <Link href="/dispatch">← Board</Link>
      </p>
      <Async query={incident} what="the incident">
        {(i) => (
          <div className="two-col">
            <IncidentSummary incident={i} systemName={names[i.systemId]} />
            <div>
              <Steering incident={i} reason={reason} onReason={setReason} />
              <Recommendations incident={i} reason={reason} />
            </div>
          </div>
        )}
      </Async>
    </section>
  );
}
