import { useConnectionState } from '../lib/stomp';

const TEXT = {
  idle: 'Offline',
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
} as const;

/** Shows whether live updates are flowing. */
export function ConnectionIndicator() {
  const s = useConnectionState();
  return (
    <span
      className={`conn conn-${s.status}`}
      role="status"
      aria-live="polite"
      data-testid="connection"
      data-state={s.status}
      title={s.error ?? (s.status === 'connected' ? 'Live updates are on' : 'Live updates are paused; data may be stale')}
    >
      <span className="dot" aria-hidden="true" />
      {TEXT[s.status]}
      {s.error && s.status !== 'connected' ? <span className="sr-only"> ({s.error})</span> : null}
    </span>
  );
}
