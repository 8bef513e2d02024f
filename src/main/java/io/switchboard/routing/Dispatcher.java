package io.switchboard.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.switchboard.directory.Directory;
import io.switchboard.directory.EngineerStatus;
import io.switchboard.directory.EngineerAvailability;
import io.switchboard.directory.SystemView;
import io.switchboard.incidents.IncidentLifecycle;
import io.switchboard.incidents.IncidentStatus;
import io.switchboard.incidents.IncidentView;
import io.switchboard.schedules.DutyRoster;
import io.switchboard.search.EngineerFinder;
import io.switchboard.search.RecommendRequest;
import io.switchboard.search.Recommendation;
import io.switchboard.web.ConflictException;
import io.switchboard.web.ForbiddenException;
import io.switchboard.web.NotFoundException;

/**
 * Offers incidents to engineers in waves, as the severity's policy says, and moves on when an offer is
 * declined or runs out. Everything it decides is in the database before anyone hears of it, so a
 * restart resumes where it stopped.
 *
 * <p>Each decision is one transaction that starts by locking its incident's row, so decisions about one incident take
 * turns; ringing or assigning an engineer also takes that engineer's lock ({@link EngineerLocks}), so nobody goes past
 * their capacity. Decisions about different incidents and engineers run side by side.
 */
@Service
public class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** How many ranked candidates to look at per free slot in a wave: room for busy and full engineers. */
    private static final int CANDIDATES_PER_SLOT = 5;

    private final Offers offers;
    private final IncidentLifecycle incidents;
    private final Directory directory;
    private final EngineerFinder finder;
    private final RoutingSettings settings;
    private final TransactionTemplate transactions;
    private final EngineerLocks engineerLocks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Presence presence;
    private final DutyRoster roster;
    private final EscalationContacts contacts;
    private final FullEngineers full;

    Dispatcher(Offers offers, IncidentLifecycle incidents, Directory directory, EngineerFinder finder,
            RoutingSettings settings, TransactionTemplate transactions, EngineerLocks engineerLocks,
            ApplicationEventPublisher events, Clock clock, Presence presence, DutyRoster roster,
            EscalationContacts contacts, FullEngineers full) {
        this.full = full;
        this.presence = presence;
        this.roster = roster;
        this.contacts = contacts;
        this.offers = offers;
        this.incidents = incidents;
        this.directory = directory;
        this.finder = finder;
        this.settings = settings;
        this.transactions = transactions;
        this.engineerLocks = engineerLocks;
        this.events = events;
        this.clock = clock;
    }

    /** An incident still waiting for routing (the sweep found it): start routing and ring the first wave. */
    public void route(String incidentId) {
        var incident = incidents.summary(incidentId);
        if (routable(incident)) {
            startRouting(incident, productOf(incident));
        }
    }

    /**
     * Rings a new incident's first wave in the transaction that opens it, from what the opening knows: one commit
     * stores the incident with its offers, and the offer goes out as the opening is answered. Routing it after the
     * commit cost a commit, a locking read and a hand-off to another thread more. Nobody else sees the incident before
     * the commit, so there is no row to lock; its engineers are locked as in every wave.
     *
     * @return false when the incident is left ROUTING without an offer, because another decision held an engineer
     *     further down the ranking (waiting for it could close a circle): its wave is owed once the opening committed,
     *     see {@link #ringIfSilent}. When the ranking fails nothing is written; the incident stays OPEN for the sweep.
     */
    boolean routeWithOpening(IncidentView opened, String product) {
        Ranking ranking;
        try {
            ranking = rank(opened, product, Set.of(), firstDepth(settings.policy(opened.severity()).waveSize(), Set.of()));
        } catch (RuntimeException e) {
            log.warn("Could not rank {} as it was opened; the sweep routes it", opened.id(), e);
            return true;
        }
        try {
            nextWave(incidents.startRouting(opened.id()), null, ranking, List.of());
            return true;
        } catch (EngineerLocks.Contended e) {
            return false;
        }
    }

    private void startRouting(IncidentView incident, String product) {
        if (!routable(incident)) {
            return;
        }
        // The ranking only reads the index, so it runs before the decision: the incident's row stays locked for the
        // few queries that need it, not for a search. The wave still filters the ranking by fresh state, and ranks
        // again should someone have been asked in between.
        var previous = offeredBefore(incident);
        var asked = askedIn(previous, latestRound(previous));
        var ranking = rank(incident, product, asked, firstDepth(settings.policy(incident.severity()).waveSize(), asked));
        decide(() -> {
            var locked = incidents.lock(incident.id());
            if (routable(locked)) {
                nextWave(incidents.startRouting(incident.id()), null, ranking, offeredBefore(locked));
            }
        });
    }

    /** An incident still OPEN was never offered to anyone: routing and a broadcast both move it on as they offer it. */
    private List<Offer> offeredBefore(IncidentView incident) {
        return incident.status() == IncidentStatus.OPEN ? List.of() : offers.findByIncidentIdOrderByCreatedAt(incident.id());
    }

    private static boolean routable(IncidentView incident) {
        return incident.status() == IncidentStatus.OPEN || incident.status() == IncidentStatus.ESCALATED;
    }

    /**
     * A dispatcher sends an escalated (or still ringing) incident back to routing. Ringing offers are withdrawn and
     * a fresh round of waves starts, so max-waves counts anew; whoever declined before is still never asked again,
     * but those who merely let an offer run out (or were withdrawn) may be asked once more.
     */
    public IncidentView reroute(String incidentId, String reason, String actor) {
        return decide(() -> {
            var incident = incidents.lock(incidentId);
            if (incident.status() != IncidentStatus.ROUTING && incident.status() != IncidentStatus.ESCALATED) {
                throw new ConflictException("cannot re-route incident " + incidentId + " while it is " + incident.status()
                        + "; only ESCALATED or ROUTING incidents go back to routing");
            }
            withdrawOthers(incidentId, "re-routed by " + actor, clock.instant());
            incidents.reroute(incidentId, reason, actor);
            int round = latestRound(offers.findByIncidentIdOrderByCreatedAt(incidentId)) + 1;
            nextWave(incidents.summary(incidentId), round);
            return incidents.get(incidentId);
        });
    }

    /**
     * A dispatcher rings every qualified engineer at once instead of waiting for wave after wave: ringing offers
     * are withdrawn and a fresh round starts with one wave of up to broadcast-limit engineers (qualified by the
     * policy, available, below capacity, and never one who declined this incident). The first accept wins as
     * usual; if nobody accepts, routing moves on (and escalates) as after any wave.
     *
     * @throws ConflictException when the incident is not waiting for an engineer or nobody qualifies; then nothing changed
     */
    public IncidentView broadcast(String incidentId, String reason, String actor) {
        return decide(() -> {
            var incident = incidents.lock(incidentId);
            var status = incident.status();
            if (status != IncidentStatus.OPEN && status != IncidentStatus.ROUTING && status != IncidentStatus.ESCALATED) {
                throw new ConflictException("cannot broadcast incident " + incidentId + " while it is " + status
                        + "; only OPEN, ROUTING or ESCALATED incidents are offered");
            }
            // Withdrawn first, so this incident's own ringing offers do not count against anyone's capacity. Should
            // nobody qualify, the exception rolls the withdrawals back with everything else.
            withdrawOthers(incidentId, "broadcast by " + actor, clock.instant());
            var previous = offers.findByIncidentIdOrderByCreatedAt(incidentId);
            var declined = engineersOf(previous, offer -> offer.status() == OfferStatus.DECLINED);
            var policy = settings.policy(incident.severity());
            var everyone = candidates(incident, policy, declined, settings.broadcastLimit(), null);
            if (everyone.isEmpty()) {
                throw new ConflictException("nobody to broadcast incident " + incidentId + " to: no engineer who is "
                        + "qualified, AVAILABLE and below their capacity is left"
                        + (declined.isEmpty() ? "" : " (" + declined.size() + " declined it and are not asked again)"));
            }
            incidents.broadcast(incidentId, reason, actor);
            int round = latestRound(previous) + 1;
            ring(incidents.summary(incidentId), policy, round, 1, everyone, "Broadcast");
            return incidents.get(incidentId);
        });
    }

    /**
     * The engineer went BUSY or OFF_DUTY (themselves or by a dispatcher): nobody should wait for their answer, so
     * their ringing offers are withdrawn and routing moves on for those incidents at once.
     */
    public void engineerUnavailable(String engineerId, EngineerStatus status, String actor) {
        if (status == EngineerStatus.AVAILABLE) {
            return;
        }
        // Read under the engineer's lock: a wave ringing them right now has committed by then and is found here; a
        // later one reads their new status and leaves them out.
        List<Offer> ringing = transactions.execute(tx -> {
            engineerLocks.lock(List.of(engineerId));
            return offers.findByEngineerIdAndStatusOrderByExpiresAt(engineerId, OfferStatus.PENDING);
        });
        String why = engineerId + " went " + status;
        for (var ringingOffer : ringing) {
            decide(() -> {
                incidents.lock(ringingOffer.incidentId());
                offers.findForUpdate(ringingOffer.getId()).filter(Offer::isPending).ifPresent(offer -> {
                    offer.withdraw(why, clock.instant());
                    incidents.note(offer.incidentId(), "WITHDRAWN", "Offer to " + engineerId + " withdrawn: " + why, actor);
                    events.publishEvent(new OfferWithdrawn(offer.getId(), offer.incidentId(), engineerId, why));
                    moveOnIfSilent(offer.incidentId());
                });
            });
        }
    }

    public List<PendingOffer> pendingFor(String engineerId) {
        var now = clock.instant();
        return offers.findByEngineerIdAndStatusOrderByExpiresAt(engineerId, OfferStatus.PENDING).stream()
                .filter(offer -> !offer.hasExpiredAt(now))
                .map(offer -> {
                    var incident = incidents.summary(offer.incidentId());
                    return new PendingOffer(offer.getId(), incident.id(), incident.severity(), incident.title(),
                            incident.systemId(), offer.expiresAt());
                })
                .toList();
    }

    /** The engineer takes the incident: exactly one accept wins, every other offer of it is withdrawn. */
    public void accept(String offerId, String engineerId) {
        decide(() -> {
            var offer = ownOffer(offerId, engineerId);
            engineerLocks.lock(List.of(engineerId));
            var now = clock.instant();
            if (offer.isPending() && offer.hasExpiredAt(now)) {
                throw new ConflictException("offer " + offerId + " expired at " + offer.expiresAt());
            }
            if (!offer.isPending()) {
                throw new ConflictException("offer " + offerId + " is " + offer.status() + " and can no longer be accepted");
            }
            var engineer = directory.availability(List.of(engineerId)).getFirst();
            if (engineer.status() != EngineerStatus.AVAILABLE) {
                throw new ConflictException("you are " + engineer.status() + "; set yourself AVAILABLE first "
                        + "(PUT /api/me/status) and accept again while the offer still rings");
            }
            if (engineer.activeIncidents() >= engineer.maxActive()) {
                throw new ConflictException("you already work on " + engineer.activeIncidents()
                        + " incidents, your limit is " + engineer.maxActive());
            }
            incidents.acceptOffer(offer.incidentId(), engineerId);
            offer.accept(now);
            incidents.note(offer.incidentId(), "ACCEPTED", "Offer accepted by " + engineerId, engineerId);
            events.publishEvent(new OfferAccepted(offerId, offer.incidentId(), engineerId, now));
            withdrawOthers(offer.incidentId(), "taken by " + engineerId, now);
        });
    }

    public void decline(String offerId, String engineerId, String reason) {
        decide(() -> {
            var offer = ownOffer(offerId, engineerId);
            var now = clock.instant();
            if (!offer.isPending()) {
                throw new ConflictException("offer " + offerId + " is " + offer.status() + " and can no longer be declined");
            }
            String why = reason == null || reason.isBlank() ? "no reason given" : reason.trim();
            offer.decline(why, now);
            incidents.note(offer.incidentId(), "DECLINED", engineerId + " declined: " + why, engineerId);
            events.publishEvent(new OfferDeclined(offerId, offer.incidentId(), engineerId, why, now));
            moveOnIfSilent(offer.incidentId());
        });
    }

    /** Expires every offer whose time is up and rings the next wave where nobody is left ringing. */
    public void expireDue() {
        var now = clock.instant();
        for (var due : offers.findDue(now)) {
            decide(() -> {
                incidents.lock(due.incidentId());
                offers.findForUpdate(due.getId()).filter(Offer::isPending).ifPresent(offer -> {
                    expire(offer, now);
                    moveOnIfSilent(offer.incidentId());
                });
            });
        }
    }

    /**
     * The invariant: an incident in ROUTING always has a ringing offer. Repairs any that lost theirs,
     * e.g. when the server stopped between an expiry and the next wave.
     */
    public void resumeStalled() {
        // An opening rings its first wave before it commits; an incident still OPEN could not be ranked then (the
        // index was not ready, say) or was stored without its event.
        for (String incidentId : incidents.openIncidentIdsOpenedBefore(clock.instant().minus(settings.sweepInterval()))) {
            try {
                route(incidentId);
            } catch (RuntimeException e) {
                log.warn("Could not start routing {}; the next sweep tries again", incidentId, e);
            }
        }
        // Nearly all of them ring: one look at what rings, without a transaction or lock, and the decision only for the
        // rest. A look per incident made the sweep dearer the further routing fell behind. Read after the incidents, so
        // an incident that still rings is seen ringing; one that stopped meanwhile is checked again under its lock.
        var routing = incidents.routingIncidentIds();
        var ringing = new HashSet<>(offers.ringingIncidentIds());
        for (String incidentId : routing) {
            if (!ringing.contains(incidentId)) {
                ringIfSilent(incidentId);
            }
        }
    }

    /** Rings the next wave of an incident in ROUTING that has no ringing offer (checked under its lock). */
    void ringIfSilent(String incidentId) {
        decide(() -> {
            var incident = incidents.lock(incidentId);
            if (incident.status() == IncidentStatus.ROUTING && !offers.hasPending(incidentId)) {
                nextWave(incident, null);
            }
        });
    }

    /** The incident left routing some other way (a dispatcher assigned or resolved it): stop ringing. */
    void withdrawAll(String incidentId, String reason) {
        // Safe to look without the lock: this runs after the change committed, and a wave being written holds the
        // incident's row, so it either committed before (and is seen here) or sees the change and rings nobody.
        // After an accept, the accept itself withdrew the rest: nothing to do, no transaction.
        if (!offers.hasPending(incidentId)) {
            return;
        }
        decide(() -> {
            incidents.lock(incidentId);
            withdrawOthers(incidentId, reason, clock.instant());
        });
    }

    /**
     * Runs one decision in its own transaction. The work locks its incident first; should another decision hold an
     * engineer it needs in a way that could make both wait for each other, it is rolled back and runs again.
     */
    private <T> T decide(Supplier<T> work) {
        return engineerLocks.retryingWhenContended(() -> transactions.execute(tx -> work.get()));
    }

    private void decide(Runnable work) {
        decide(() -> {
            work.run();
            return null;
        });
    }

    private void moveOnIfSilent(String incidentId) {
        if (!offers.hasPending(incidentId)) {
            var incident = incidents.summary(incidentId);
            if (incident.status() == IncidentStatus.ROUTING) {
                nextWave(incident, null);
            }
        }
    }

    /** @param newRound the round a re-route starts, or null to continue the incident's latest round */
    private void nextWave(IncidentView incident, Integer newRound) {
        nextWave(incident, newRound, null, offers.findByIncidentIdOrderByCreatedAt(incident.id()));
    }

    /**
     * @param ranking a ranking made before the lock, used when it excluded exactly who is not asked again
     * @param previous every offer of the incident so far, read under its lock
     */
    private void nextWave(IncidentView incident, Integer newRound, Ranking ranking, List<Offer> previous) {
        var policy = settings.policy(incident.severity());
        int round = newRound != null ? newRound : latestRound(previous);
        int wave = previous.stream().filter(o -> o.round() == round).mapToInt(Offer::wave).max().orElse(0) + 1;
        if (wave > policy.maxWaves()) {
            escalate(incident.id(), policy, "No engineer accepted within " + policy.maxWaves() + " wave(s) of offers");
            return;
        }
        var asked = askedIn(previous, round);
        var candidates = candidates(incident, policy, asked, policy.waveSize(), ranking);
        if (candidates.isEmpty()) {
            escalate(incident.id(), policy, asked.isEmpty()
                    ? "No qualified engineer is available"
                    : "No further qualified engineer is available after " + asked.size() + " offer(s)");
            return;
        }
        ring(incident, policy, round, wave, candidates, "Wave " + wave);
    }

    /** Makes one offer to each candidate, all ringing until the policy's timeout, and tells them. */
    private void ring(IncidentView incident, RoutingSettings.Policy policy, int round, int wave,
            List<Recommendation> candidates, String label) {
        var now = clock.instant();
        var expiresAt = now.plus(policy.offerTimeout());
        var made = new ArrayList<Offer>();
        for (var candidate : candidates) {
            made.add(new Offer(UUID.randomUUID().toString(), incident.id(), candidate.engineerId(), round, wave, now, expiresAt));
        }
        offers.saveAll(made);
        incidents.involve(incident.id(), made.stream().map(Offer::engineerId).toList());
        incidents.note(incident.id(), "OFFERED", label + ": offered to "
                + String.join(", ", candidates.stream().map(c -> c.name() + " (" + c.engineerId() + ")").toList()), null);
        for (var offer : made) {
            events.publishEvent(new OfferMade(offer.getId(), incident.id(), offer.engineerId(), incident.severity(),
                    incident.title(), incident.systemId(), expiresAt));
        }
    }

    /** Not asked again: anyone asked in this round, and anyone who ever declined this incident. */
    private static Set<String> askedIn(List<Offer> previous, int round) {
        return engineersOf(previous, offer -> offer.round() == round || offer.status() == OfferStatus.DECLINED);
    }

    private static Set<String> engineersOf(List<Offer> offers, Predicate<Offer> which) {
        var engineers = new HashSet<String>();
        offers.stream().filter(which).forEach(offer -> engineers.add(offer.engineerId()));
        return engineers;
    }

    private static int latestRound(List<Offer> offers) {
        return offers.stream().mapToInt(Offer::round).max().orElse(0);
    }

    /**
     * The engineers the ranking found for an incident, leaving out {@code excluded}, looking {@code depth} deep, with
     * the product of its system it weighed (to rank deeper with).
     */
    private record Ranking(Set<String> excluded, int depth, String product, List<Recommendation> hits) {
        boolean mayHaveMore() {
            return hits.size() == depth;
        }
    }

    private int firstDepth(int wanted, Set<String> asked) {
        return Math.min(wanted * CANDIDATES_PER_SLOT + asked.size(), finder.recommendLimit());
    }

    private String productOf(IncidentView incident) {
        return directory.findSystem(incident.systemId()).map(SystemView::product).orElse(null);
    }

    /** Ranks without those asked already, and without those found full a moment ago (see {@link FullEngineers}). */
    private Ranking rank(IncidentView incident, String product, Set<String> asked, int depth) {
        var leftOut = new HashSet<>(full.current());
        leftOut.addAll(asked);
        return new Ranking(Set.copyOf(asked), depth, product, finder.recommend(new RecommendRequest(incident.systemId(),
                product, incident.title(), incident.description(), depth, true, leftOut)).hits());
    }

    /**
     * The best ranked engineers (at most {@code wanted}) who are available, reachable by their schedule, qualified
     * and below their capacity. Looks a few places per slot down the ranking first; only when too many of those are
     * busy, full or off schedule does it look as deep as the ranking goes, so a qualified engineer further down is
     * rung before the incident escalates.
     */
    private List<Recommendation> candidates(IncidentView incident, RoutingSettings.Policy policy, Set<String> asked,
            int wanted, Ranking early) {
        int deepest = finder.recommendLimit();
        var ranking = early != null && early.excluded().equals(asked) ? early
                : rank(incident, productOf(incident), asked, firstDepth(wanted, asked));
        while (true) {
            var chosen = reachableFirst(ranking.hits(), policy, asked, wanted);
            if (chosen.size() == wanted || !ranking.mayHaveMore() || ranking.depth() >= deepest) {
                return chosen;
            }
            ranking = rank(incident, ranking.product(), asked, deepest);
        }
    }

    private List<Recommendation> reachableFirst(List<Recommendation> ranked, RoutingSettings.Policy policy,
            Set<String> asked, int wanted) {
        // Connected engineers first, each group keeping the ranking's order: an engineer whose last live session
        // dropped may not see the offer, so they are not rung before a qualified one who is there.
        var qualified = ranked.stream()
                .filter(r -> !asked.contains(r.engineerId()) && r.score() >= policy.minScore())
                .toList();
        var eligible = new ArrayList<Recommendation>(qualified.size());
        qualified.stream().filter(r -> presence.isConnected(r.engineerId())).forEach(eligible::add);
        qualified.stream().filter(r -> !presence.isConnected(r.engineerId())).forEach(eligible::add);
        // A slot's worth at a time: usually the best ranked are free, and only they are read and locked.
        var chosen = new ArrayList<Recommendation>();
        for (int from = 0; from < eligible.size() && chosen.size() < wanted; from += wanted) {
            var batch = eligible.subList(from, Math.min(from + wanted, eligible.size()));
            var ids = batch.stream().map(Recommendation::engineerId).toList();
            // Locked before their status and load are read, and those chosen until this decision has committed: nobody
            // else rings or assigns them in between, so the capacity check still holds when the offers are in.
            var taken = engineerLocks.lock(ids);
            Map<String, EngineerAvailability> live = new HashMap<>();
            directory.availability(ids).forEach(e -> live.put(e.id(), e));
            Map<String, Integer> ringing = ringingCounts(live.keySet());
            var reachable = roster.reachable(live.values(), clock.instant(), policy.ringsOnCall());
            for (var candidate : batch) {
                var engineer = live.get(candidate.engineerId());
                if (engineer == null || engineer.status() != EngineerStatus.AVAILABLE || !reachable.contains(engineer.id())) {
                    continue;
                }
                if (engineer.activeIncidents() + ringing.getOrDefault(engineer.id(), 0) >= engineer.maxActive()) {
                    full.foundFull(engineer.id());
                } else if (chosen.size() < wanted) {
                    chosen.add(candidate);
                }
            }
            // Those left out were only read: let them go, so the next batch waits for a busy stripe instead of giving
            // up the decision (nothing it could close a circle with is held while nobody is chosen yet).
            engineerLocks.release(taken, chosen.stream().map(Recommendation::engineerId).toList());
        }
        return chosen;
    }

    private Map<String, Integer> ringingCounts(java.util.Collection<String> engineerIds) {
        var counts = new HashMap<String, Integer>();
        if (!engineerIds.isEmpty()) {
            for (Object[] row : offers.countPending(engineerIds.toArray(String[]::new))) {
                counts.put((String) row[0], ((Number) row[1]).intValue());
            }
        }
        return counts;
    }

    private void escalate(String incidentId, RoutingSettings.Policy policy, String reason) {
        log.info("Escalating {}: {}", incidentId, reason);
        incidents.escalate(incidentId, reason, contacts.reachable(policy.escalateTo()));
    }

    private void expire(Offer offer, Instant now) {
        offer.expire(now);
        incidents.note(offer.incidentId(), "EXPIRED", "Offer to " + offer.engineerId() + " was not answered in time", null);
        events.publishEvent(new OfferExpired(offer.getId(), offer.incidentId(), offer.engineerId(), now));
        events.publishEvent(new OfferWithdrawn(offer.getId(), offer.incidentId(), offer.engineerId(), "expired"));
    }

    private void withdrawOthers(String incidentId, String reason, Instant now) {
        for (var other : offers.findByIncidentIdAndStatus(incidentId, OfferStatus.PENDING)) {
            other.withdraw(reason, now);
            events.publishEvent(new OfferWithdrawn(other.getId(), incidentId, other.engineerId(), reason));
        }
    }

    /** Locks the offer's incident, then the offer: every decision locks its incident first. */
    private Offer ownOffer(String offerId, String engineerId) {
        var owner = offers.ownerOf(offerId).orElseThrow(() -> new NotFoundException("offer", offerId));
        if (!owner.engineerId().equals(engineerId)) {
            throw new ForbiddenException("offer " + offerId + " was made to someone else");
        }
        incidents.lock(owner.incidentId());
        return offers.findForUpdate(offerId).orElseThrow(() -> new NotFoundException("offer", offerId));
    }
}
