import { PresenceBadge, SeverityBadge, StatusBadge } from '../../components/Badges';
import { Countdown } from '../../components/Countdown';
import { Loading } from '../../components/Pages';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Async } from '../../components/Async';
import { useSystemNames } from '../../lib/queries';
import { MODE_LABEL } from '../../lib/schedule';
import { Link } from '../../lib/router';
import { formatTime } from '../../lib/time';
import { assigneeLabel, type Incident } from '../../lib/types';
import { useBoardIncidents, useEngineerList, useOnCallNow } from './api';
import { BOARD_COLUMNS, groupBoard } from './board';

function BoardCard({ incident, systemName }: { incident: Incident; systemName?: string }) {
  const assigned = incident.status === 'ASSIGNED';
  return (
    <li className={`board-card incident-${incident.status.toLowerCase()}`} data-incident-id={incident.id} data-status={incident.status}>
      <Link href={`/dispatch/incidents/${encodeURIComponent(incident.id)}`} className="row-title">
        {incident.title}
      </Link>
      <div className="small muted">
        {incident.id} · {systemName ?? incident.systemId}
      </div>
      <div className="small">
        <StatusBadge status={incident.status} />{' '}
        {assigned ? <Countdown to={incident.resolveBy} from={incident.openedAt} label="resolve" /> : <Countdown to={incident.ackBy} from={incident.openedAt} label="ack" />}
      </div>
      {assigneeLabel(incident.assignee) ? <div className="small">→ {assigneeLabel(incident.assignee)}</div> : null}
    </li>
  );
}

function PresencePanel() {
  const engineers = useEngineerList();
  return (
    <aside className="card presence-panel" aria-labelledby="presence-panel-h">
      <h2 id="presence-panel-h">Engineers</h2>
      <Async query={engineers} what="engineers">
        {(page) => {
          const order = { AVAILABLE: 0, BUSY: 1, OFF_DUTY: 2 } as Record<string, number>;
          const list = [...page.items].sort((a, b) => (order[a.status ?? ''] ?? 3) - (order[b.status ?? ''] ?? 3) || a.name.localeCompare(b.name));
          const counts = list.reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.status ?? 'UNKNOWN']: (acc[e.status ?? 'UNKNOWN'] ?? 0) + 1 }), {});
          return (
            <>
              <p className="small muted">
                {Object.entries(counts)
                  .map(([k, v]) => `${v} ${k.toLowerCase().replace('_', ' ')}`)
                  .join(' · ') || 'none'}
                {page.total > page.items.length ? ` (first ${page.items.length} of ${page.total})` : ''}
              </p>
              <ul className="presence-list">
                {list.map((e) => (
                  <li key={e.id} data-engineer-id={e.id} data-status={e.status}>
                    <Link href={`/dispatch/engineers/${encodeURIComponent(e.id)}`} className="name" title={e.name}>
                      {e.name}
                    </Link>
                    <PresenceBadge status={e.status} />
                    <span className="small muted">
                      {e.activeIncidents ?? 0}/{e.maxActive ?? '?'}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </Async>
    </aside>
  );
}

/** Who the schedules put on duty or on call now; engineers without a schedule are always reachable and not listed. */
function OnCallPanel() {
  const onCall = useOnCallNow();
  return (
    <section className="card on-call-panel" aria-labelledby="on-call-h">
      <h2 id="on-call-h">On call now</h2>
      <Async query={onCall} what="who is on call">
        {(board) =>
          board.engineers.length === 0 ? (
            <p className="small muted">Nobody with a schedule is working or on call.</p>
          ) : (
            <ul className="presence-list">
              {board.engineers.map((e) => (
                <li key={e.engineerId} data-engineer-id={e.engineerId} data-mode={e.mode}>
                  <Link href={`/dispatch/engineers/${encodeURIComponent(e.engineerId)}`} className="name" title={e.name}>
                    {e.name}
                  </Link>
                  <span className={`badge mode-${e.mode.toLowerCase()}`}>{MODE_LABEL[e.mode]}</span>
                  <PresenceBadge status={e.status} />
                  {e.until ? <span className="small muted">until {formatTime(e.until)}</span> : null}
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}

export function BoardPage() {
  const board = useBoardIncidents();
  const names = useSystemNames();
  const grouped = groupBoard(board.items);
  return (
    <section className="page wide">
      <div className="page-head">
        <h1>Live board</h1>
        <p className="muted">
          {grouped.total} open ·{' '}
          {BOARD_COLUMNS.map((s) => (
            <span key={s} className="count">
              {grouped.byStatus[s]} {s.toLowerCase()}{' '}
            </span>
          ))}
        </p>
      </div>
      {board.errors.map((e, i) => (
        <ProblemAlert key={i} error={e} prefix="Could not load incidents" />
      ))}
      {board.truncated ? <p className="alert alert-warn">More incidents than the board shows; use search filters.</p> : null}
      {grouped.escalated.length ? (
        <section className="escalated-strip" aria-labelledby="esc-h">
          <h2 id="esc-h">Needs a dispatcher ({grouped.escalated.length})</h2>
          <ul>
            {grouped.escalated.map((i) => (
              <li key={i.id}>
                <SeverityBadge severity={i.severity} />{' '}
                <Link href={`/dispatch/incidents/${encodeURIComponent(i.id)}`}>{i.title}</Link> <Countdown to={i.ackBy} from={i.openedAt} label="ack" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="board-layout">
        {board.isPending && board.items.length === 0 ? (
          <Loading what="the board" />
        ) : (
          <div className="board" role="region" aria-label="Open incidents by severity and status">
            <table className="board-table">
              <thead>
                <tr>
                  <th scope="col">Severity</th>
                  {BOARD_COLUMNS.map((s) => (
                    <th key={s} scope="col" className={`col-${s.toLowerCase()}`}>
                      {s} <span className="muted">({grouped.byStatus[s]})</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grouped.rows.map((r) => (
                  <tr key={r.severity}>
                    <th scope="row">
                      <SeverityBadge severity={r.severity} />
                      <div className="small muted">{r.total} open</div>
                    </th>
                    {BOARD_COLUMNS.map((s) => (
                      <td key={s} data-label={s} className={`col-${s.toLowerCase()}`}>
                        <ul className="board-cell">
                          {r.cells[s].map((i) => (
                            <BoardCard key={i.id} incident={i} systemName={names[i.systemId]} />
                          ))}
                        </ul>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="board-side">
          <OnCallPanel />
          <PresencePanel />
        </div>
      </div>
    </section>
  );
}
