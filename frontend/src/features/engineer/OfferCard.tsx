import { useState } from 'react';
import { SeverityBadge } from '../../components/Badges';
import { Countdown } from '../../components/Countdown';
import { TextField } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isApiError } from '../../lib/problem';
import type { Offer } from '../../lib/types';
import { useAcceptOffer, useDeclineOffer, useOfferIncident } from './api';

export function OfferCard({ offer, systemName }: { offer: Offer; systemName?: string }) {
  const incident = useOfferIncident(offer.incidentId);
  const accept = useAcceptOffer();
  const decline = useDeclineOffer();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const busy = accept.isPending || decline.isPending;
  const gone = isApiError(accept.error) && accept.error.status === 409;

  return (
    <li className={`card offer sev-edge-${offer.severity.toLowerCase()}`} data-offer-id={offer.offerId} data-incident-id={offer.incidentId} aria-label={`Offer: ${offer.title}`}>
      <div className="offer-head">
        <SeverityBadge severity={offer.severity} />
        <Countdown to={offer.expiresAt} label="expires" />
      </div>
      <h3>{offer.title}</h3>
      <p className="muted">
        System {systemName ? `${systemName} (${offer.systemId})` : offer.systemId} · incident {offer.incidentId}
      </p>
      {incident.data ? <p className="offer-desc prewrap">{incident.data.description}</p> : null}
      {incident.isError ? <p className="muted small">Incident details not available: {(incident.error as Error).message}</p> : null}
      {gone ? (
        <div className="alert alert-warn" role="alert">
          This offer is no longer yours to take. {isApiError(accept.error) ? accept.error.problem.detail : ''}
        </div>
      ) : (
        <ProblemAlert error={accept.error} prefix="Could not accept" />
      )}
      <ProblemAlert error={decline.error} prefix="Could not decline" />
      {declining ? (
        <form
          className="decline-form"
          onSubmit={(e) => {
            e.preventDefault();
            decline.mutate({ offer, reason });
          }}
        >
          <TextField label="Reason for declining" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. on another site until 15:00" autoFocus />
          <div className="actions">
            <button className="btn btn-danger" type="submit" disabled={busy}>
              Decline offer
            </button>
            <button className="btn btn-quiet" type="button" onClick={() => setDeclining(false)} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button
            className="btn btn-primary btn-big"
            type="button"
            disabled={busy}
            onClick={() => accept.mutate(offer)}
          >
            {accept.isPending ? 'Accepting…' : 'Accept'}
          </button>
          <button className="btn btn-big" type="button" disabled={busy} onClick={() => setDeclining(true)}>
            Decline…
          </button>
        </div>
      )}
    </li>
  );
}
