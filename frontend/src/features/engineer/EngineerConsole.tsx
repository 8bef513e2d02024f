import { useEffect, useState } from 'react';
import { Async } from '../../components/Async';
import { IncidentTable } from '../../components/IncidentTable';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useEngineer, useSystemNames } from '../../lib/queries';
import { onLiveMessage } from '../../lib/stomp';
import type { Me, Offer } from '../../lib/types';
import { beep, notificationsSupported, notifyOffer, unlockAudio } from './alert';
import { useMyIncidents, useOffers } from './api';
import { OfferCard } from './OfferCard';
import { Presence } from './Presence';

function NotificationToggle() {
  const [perm, setPerm] = useState(notificationsSupported() ? Notification.permission : 'unsupported');
  if (perm === 'unsupported') return <p className="muted small">This browser cannot show notifications; keep this page open.</p>;
  if (perm === 'granted') return <p className="muted small">Notifications are on.</p>;
  if (perm === 'denied') return <p className="muted small">Notifications are blocked in your browser settings; new offers still beep here.</p>;
  return (
    <button
      type="button"
      className="btn btn-quiet"
      onClick={async () => {
        unlockAudio();
        setPerm(await Notification.requestPermission());
      }}
    >
      Turn on notifications
    </button>
  );
}

export function EngineerConsole({ me }: { me: Me }) {
  const profile = useEngineer(me.engineerId);
  const offers = useOffers();
  const mine = useMyIncidents();
  const names = useSystemNames();

  // A new offer beeps and, where allowed, raises a system notification.
  useEffect(
    () =>
      onLiveMessage((msg) => {
        if (msg.type !== 'OFFER') return;
        beep();
        notifyOffer(msg as unknown as Offer);
      }),
    [],
  );

  if (!me.engineerId) return <ProblemAlert error={new Error('This account is not linked to an engineer profile.')} />;
  const open = (mine.data ?? []).filter((i) => i.status !== 'RESOLVED');
  const done = (mine.data ?? []).filter((i) => i.status === 'RESOLVED');
  return (
    <section className="page console">
      <h1 className="sr-only">Engineer console</h1>
      <div className="console-top">
        {profile.isError ? <ProblemAlert error={profile.error} prefix="Could not load your profile" /> : null}
        <Presence engineerId={me.engineerId} profile={profile.data} />
        <NotificationToggle />
      </div>
      <section aria-labelledby="offers-h" aria-live="polite">
        <h2 id="offers-h">Offers{offers.data?.length ? ` (${offers.data.length})` : ''}</h2>
        <Async query={offers} what="your offers">
          {(list) =>
            list.length === 0 ? (
              <p className="muted">No offers right now. New ones appear here as they arrive.</p>
            ) : (
              <ul className="offers">
                {list.map((o) => (
                  <OfferCard key={o.offerId} offer={o} systemName={names[o.systemId]} />
                ))}
              </ul>
            )
          }
        </Async>
      </section>
      <section aria-labelledby="mine-h">
        <h2 id="mine-h">My incidents</h2>
        <Async query={mine} what="your incidents">
          {() => <IncidentTable incidents={open} hrefFor={(i) => `/engineer/incidents/${encodeURIComponent(i.id)}`} systemNames={names} />}
        </Async>
        {done.length ? (
          <details>
            <summary>Resolved ({done.length})</summary>
            <IncidentTable incidents={done} hrefFor={(i) => `/engineer/incidents/${encodeURIComponent(i.id)}`} systemNames={names} />
          </details>
        ) : null}
      </section>
    </section>
  );
}
