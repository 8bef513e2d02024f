import { useEffect, useState } from 'react';
import { personalEscalation } from '../lib/live';
import { Link } from '../lib/router';
import { onLiveMessage } from '../lib/stomp';

/** Incidents escalated to this dispatcher by name (a policy's escalate-to), on every page until dismissed. */
export function EscalationNotices() {
  const [notices, setNotices] = useState<{ incidentId: string; reason?: string }[]>([]);
  useEffect(
    () =>
      onLiveMessage((msg, destination) => {
        const mine = personalEscalation(msg, destination);
        if (mine) setNotices((list) => [mine, ...list.filter((n) => n.incidentId !== mine.incidentId)]);
      }),
    [],
  );
  if (notices.length === 0) return null;
  return (
    <div className="alert alert-warn escalation-notices" role="alert">
      <strong>Escalated to you</strong>
      <ul>
        {notices.map((n) => (
          <li key={n.incidentId} data-incident-id={n.incidentId}>
            <Link href={`/dispatch/incidents/${encodeURIComponent(n.incidentId)}`}>{n.incidentId}</Link>
            {n.reason ? `: ${n.reason}` : ''}{' '}
            <button type="button" className="btn btn-small btn-quiet" onClick={() => setNotices((list) => list.filter((x) => x !== n))} aria-label={`Dismiss ${n.incidentId}`}>
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
