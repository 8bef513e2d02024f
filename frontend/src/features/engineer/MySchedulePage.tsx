import { ScheduleEditor } from '../../components/ScheduleEditor';
import { Link } from '../../lib/router';
import { scheduleTarget } from '../../lib/scheduleQueries';

/** The engineer's own working hours, on-call windows and days off (/api/me/schedule). */
export function MySchedulePage() {
  return (
    <section className="page console">
      <p>
        <Link href="/engineer">← Console</Link>
      </p>
      <h1>My schedule</h1>
      <p className="muted small">Routing rings you in your working hours, and when on call for the urgent severities.</p>
      <ScheduleEditor target={scheduleTarget()} title="Hours and overrides" />
    </section>
  );
}
