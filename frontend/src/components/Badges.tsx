import type { EngineerStatus, IncidentStatus, Severity } from '../lib/types';

export function StatusBadge({ status }: { status: IncidentStatus | string }) {
  return (
    <span className={`badge status-${String(status).toLowerCase()}`} data-testid="incident-status">
      {status}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: Severity | string }) {
  return <span className={`badge sev sev-${String(severity).toLowerCase()}`}>{severity}</span>;
}

export function PresenceBadge({ status }: { status?: EngineerStatus | string }) {
  const s = status ?? 'UNKNOWN';
  return (
    <span className={`badge presence presence-${s.toLowerCase()}`}>
      <span className="dot" aria-hidden="true" />
      {s.replace('_', ' ')}
    </span>
  );
}
