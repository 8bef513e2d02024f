import { Async } from '../../components/Async';
import { PresenceBadge } from '../../components/Badges';
import { ScheduleEditor } from '../../components/ScheduleEditor';
import { useEngineer, useSystemNames } from '../../lib/queries';
import { Link } from '../../lib/router';
import { scheduleTarget } from '../../lib/scheduleQueries';
import { EngineerSkills } from './EngineerSkills';

/** One engineer as the dispatcher sees them: profile, load, and the schedule routing goes by. */
export function EngineerPage({ id }: { id: string }) {
  const engineer = useEngineer(id);
  const names = useSystemNames();
  return (
    <section className="page narrow">
      <p>
        <Link href="/dispatch/engineers">← Engineers</Link>
      </p>
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
            <EngineerSkills engineer={e} systemNames={names} />
          </article>
        )}
      </Async>
      <ScheduleEditor target={scheduleTarget(id)} />
    </section>
  );
}
