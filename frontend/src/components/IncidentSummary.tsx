import { formatTime } from '../lib/time';
import { describeEntry, isDispatcherOverride } from '../lib/timeline';
import { assigneeLabel, type Incident } from '../lib/types';
import { SeverityBadge, StatusBadge } from './Badges';
import { Countdown } from './Countdown';

/** SLA clock: time to acknowledge until someone is assigned, time to resolve until resolved. */
export function SlaClock({ incident }: { incident: Incident }) {
  const resolved = incident.status === 'RESOLVED';
  const acked = resolved || incident.status === 'ASSIGNED';
  return (
    <dl className="sla" aria-label="SLA clock">
      <div>
        <dt>Acknowledge</dt>
        <dd>{acked ? <span className="countdown countdown-done">acknowledged</span> : <Countdown to={incident.ackBy} from={incident.openedAt} />}</dd>
      </div>
      <div>
        <dt>Resolve</dt>
        <dd>{resolved ? <span className="countdown countdown-done">resolved</span> : <Countdown to={incident.resolveBy} from={incident.openedAt} />}</dd>
      </div>
    </dl>
  );
}

export function Timeline({ incident }: { incident: Incident }) {
  const entries = [...(incident.timeline ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (entries.length === 0) return <p className="muted">No events yet.</p>;
  return (
    <ol className="timeline">
      {entries.map((e, i) => {
        const { label, tone } = describeEntry(e.type);
        return (
          <li key={`${e.at}-${i}`} className={`tl-${tone}`} data-type={e.type}>
            <time dateTime={e.at}>{formatTime(e.at)}</time>
            <span className="tl-type">{label}</span>
            {isDispatcherOverride(e.detail) ? <span className="badge tl-override">override</span> : null}
            {e.detail ? <span className="tl-detail">{e.detail}</span> : null}
            {e.actor ? <span className="tl-actor">by {e.actor}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The incident as every role sees it: header, facts, SLA, description, timeline. */
export function IncidentSummary({ incident, systemName }: { incident: Incident; systemName?: string }) {
  return (
    <article className={`incident incident-${incident.status.toLowerCase()}`} data-incident-id={incident.id} data-status={incident.status}>
      <header className="incident-head">
        <h1>{incident.title}</h1>
        <div className="badges">
          <SeverityBadge severity={incident.severity} />
          <StatusBadge status={incident.status} />
        </div>
      </header>
      <div className="incident-grid">
        <dl className="facts">
          <div>
            <dt>Incident</dt>
            <dd>{incident.id}</dd>
          </div>
          <div>
            <dt>System</dt>
            <dd>{systemName ? `${systemName} (${incident.systemId})` : incident.systemId}</dd>
          </div>
          <div>
            <dt>Opened</dt>
            <dd>{formatTime(incident.openedAt)}</dd>
          </div>
          <div>
            <dt>Assignee</dt>
            <dd data-testid="assignee">{assigneeLabel(incident.assignee) ?? <span className="muted">not yet assigned</span>}</dd>
          </div>
        </dl>
        <SlaClock incident={incident} />
      </div>
      <section aria-labelledby="desc-h">
        <h2 id="desc-h">Description</h2>
        <p className="prewrap">{incident.description}</p>
      </section>
      {incident.resolution ? (
        <section aria-labelledby="res-h">
          <h2 id="res-h">Resolution</h2>
          <p className="prewrap">{incident.resolution}</p>
        </section>
      ) : null}
      <section aria-labelledby="tl-h">
        <h2 id="tl-h">Timeline</h2>
        <Timeline incident={incident} />
      </section>
    </article>
  );
}
