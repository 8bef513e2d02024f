import { Async } from '../../components/Async';
import { PresenceBadge } from '../../components/Badges';
import { useEngineer, useSystemNames } from '../../lib/queries';
import { Link } from '../../lib/router';
import { scheduleTarget } from '../schedule/api';
import { ScheduleEditor } from '../schedule/ScheduleEditor';

/** One engineer as the dispatcher sees them: profile, load, and the schedule routing goes by. */
export function EngineerPage({ id }: { id: string }) {
  const engineer = useEngineer(id);
  const names = useSystemNames();
  return (
    <section className="page">
      <p>
        <Link href="/dispatch/engineers">← Engineers</Link>
      </p>
      <div className="two-col">
        <Async query={engineer} what="the engineer">
          {(e) => (
            <article className="card" data-engineer-id={e.id}>
              <div className="hit-head">
                <h1>{e.name}</h1>
                <PresenceBadge status={e.status} />
              </div>
              <dl className="facts">
                <div>
                  <dt>Engineer</dt>
                  <dd>{e.id}</dd>
                </div>
                <div>
                  <dt>Load</dt>
                  <dd>
                    {e.activeIncidents ?? 0} of {e.maxActive ?? '?'} active
                  </dd>
                </div>
                <div>
                  <dt>Time zone</dt>
                  <dd>{e.timeZone ?? 'UTC'}</dd>
                </div>
                {e.email ? (
                  <div>
                    <dt>Email</dt>
                    <dd>{e.email}</dd>
                  </div>
                ) : null}
              </dl>
              {e.skills?.length ? (
                <p className="tags">
                  {e.skills.map((s) => (
                    <span className="tag" key={s}>
                      {s}
                    </span>
                  ))}
                </p>
              ) : null}
              {e.systems?.length ? <p className="small">Knows: {e.systems.map((s) => `${names[s.systemId] ?? s.systemId} (level ${s.level})`).join(', ')}</p> : null}
            </article>
          )}
        </Async>
        <ScheduleEditor target={scheduleTarget(id)} />
      </div>
    </section>
  );
}
