import { Link } from '../lib/router';
import { formatTime } from '../lib/time';
import { assigneeLabel, type Incident } from '../lib/types';
import { SeverityBadge, StatusBadge } from './Badges';
import { Countdown } from './Countdown';

/** A compact list of incidents with live status and the SLA deadline that matters now. */
export function IncidentTable({ incidents, hrefFor, systemNames }: { incidents: Incident[]; hrefFor: (i: Incident) => string; systemNames?: Record<string, string> }) {
  if (incidents.length === 0) return <p className="muted">No incidents.</p>;
  return (
    <ul className="incident-list">
      {incidents.map((i) => (
        <li key={i.id} className={`incident-row incident-${i.status.toLowerCase()}`} data-incident-id={i.id} data-status={i.status}>
          <div className="row-main">
            <Link href={hrefFor(i)} className="row-title">
              {i.title}
            </Link>
            <div className="row-meta">
              <SeverityBadge severity={i.severity} /> <StatusBadge status={i.status} />{' '}
              <span className="muted">{systemNames?.[i.systemId] ?? i.systemId}</span>
              {' · '}
              <span className="muted">opened {formatTime(i.openedAt)}</span>
              {assigneeLabel(i.assignee) ? <span className="muted"> · {assigneeLabel(i.assignee)}</span> : null}
            </div>
          </div>
          <div className="row-sla">
            {i.status === 'RESOLVED' ? (
              <span className="countdown countdown-done">resolved</span>
            ) : i.status === 'ASSIGNED' ? (
              <Countdown to={i.resolveBy} from={i.openedAt} label="resolve" />
            ) : (
              <Countdown to={i.ackBy} from={i.openedAt} label="ack" />
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
