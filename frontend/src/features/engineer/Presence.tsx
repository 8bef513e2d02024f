import { ProblemAlert } from '../../components/ProblemAlert';
import { DutyVerdict } from '../../components/ScheduleEditor';
import { Link } from '../../lib/router';
import { scheduleTarget, useSchedule } from '../../lib/scheduleQueries';
import { ENGINEER_STATUSES, type Engineer, type EngineerStatus } from '../../lib/types';
import { unlockAudio } from './alert';
import { useSetStatus } from './api';

const LABEL: Record<EngineerStatus, string> = { AVAILABLE: 'Available', BUSY: 'Busy', OFF_DUTY: 'Off duty' };

/** What the schedule says: routing only rings you while it says on duty (or on call, for SEV1 and SEV2). */
function Duty() {
  const schedule = useSchedule(scheduleTarget());
  if (!schedule.data) return null;
  return (
    <div className="duty-line">
      <DutyVerdict now={schedule.data.now} prefix="Schedule" testId="duty-status" />
      <Link href="/engineer/schedule" className="small">
        Edit my schedule
      </Link>
    </div>
  );
}

/** The engineer's own presence, as a group of toggle buttons. */
export function Presence({ engineerId, profile }: { engineerId: string; profile?: Engineer }) {
  const set = useSetStatus(engineerId);
  const current = set.isPending ? set.variables : profile?.status;
  return (
    <section className="card" aria-labelledby="presence-h">
      <h2 id="presence-h">My presence</h2>
      <div className="segmented" role="group" aria-labelledby="presence-h">
        {ENGINEER_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className={`seg seg-${s.toLowerCase()}`}
            aria-pressed={current === s}
            disabled={set.isPending}
            onClick={() => {
              unlockAudio();
              set.mutate(s);
            }}
          >
            {LABEL[s]}
          </button>
        ))}
      </div>
      <p className="muted" data-testid="presence-status">
        {profile ? (
          <>
            Now <strong>{profile.status ?? 'unknown'}</strong> · {profile.activeIncidents ?? 0} of {profile.maxActive ?? '?'} active incidents
          </>
        ) : (
          'Status unknown'
        )}
      </p>
      <Duty />
      <ProblemAlert error={set.error} prefix="Status not changed" />
    </section>
  );
}
