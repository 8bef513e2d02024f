import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../lib/time';
import { ENGINEER_STATUSES, type DutyNow, type Engineer, type EngineerStatus } from '../../lib/types';
import { unlockAudio } from './alert';
import { useMyDuty, useSetStatus } from './api';

const LABEL: Record<EngineerStatus, string> = { AVAILABLE: 'Available', BUSY: 'Busy', OFF_DUTY: 'Off duty' };
const DUTY: Record<DutyNow['mode'], string> = { WORKING: 'On duty', ON_CALL: 'On call', OFF: 'Off duty' };

/** What the schedule says: routing only rings you while it says on duty (or on call, for SEV1 and SEV2). */
function Duty() {
  const duty = useMyDuty();
  if (!duty.data) return null;
  const { mode, until } = duty.data;
  return (
    <p className="muted small" data-testid="duty-status">
      Schedule: <strong>{DUTY[mode]}</strong>
      {until ? ` until ${formatTime(until)}` : ''}
    </p>
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
