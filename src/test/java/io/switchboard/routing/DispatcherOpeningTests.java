package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.transaction.support.TransactionTemplate;

import io.switchboard.directory.Directory;
import io.switchboard.directory.EngineerAvailability;
import io.switchboard.directory.EngineerStatus;
import io.switchboard.incidents.IncidentLifecycle;
import io.switchboard.incidents.IncidentStatus;
import io.switchboard.incidents.IncidentView;
import io.switchboard.incidents.Severity;
import io.switchboard.schedules.DutyRoster;
import io.switchboard.search.EngineerFinder;
import io.switchboard.search.RecommendRequest;
import io.switchboard.search.Recommendation;
import io.switchboard.search.Recommendations;

/**
 * How a new incident's first wave is rung inside its opening's transaction (the transaction itself is simulated: the
 * engineer locks only need one to be active).
 */
class DispatcherOpeningTests {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final IncidentLifecycle incidents = mock(IncidentLifecycle.class);
    private final Directory directory = mock(Directory.class);
    private final EngineerFinder finder = mock(EngineerFinder.class);
    private final Offers offers = mock(Offers.class);
    private final DutyRoster roster = mock(DutyRoster.class);
    private final EngineerLocks locks = new EngineerLocks();
    private final Map<String, EngineerStatus> statuses = new HashMap<>();
    /** Incidents each engineer works on (2 is their limit); none when not given. */
    private final Map<String, Integer> working = new HashMap<>();
    private final AtomicLong nanoTime = new AtomicLong();
    private final FullEngineers full = new FullEngineers(Duration.ofSeconds(2), nanoTime::get);
    private final Dispatcher dispatcher;
    private Severity severity = Severity.SEV3;

    DispatcherOpeningTests() {
        var oneAtATime = new RoutingSettings.Policy(1, Duration.ofSeconds(60), 5, 0, RoutingSettings.Reach.ON_CALL, null);
        var twoAtATime = new RoutingSettings.Policy(2, Duration.ofSeconds(60), 5, 0, RoutingSettings.Reach.ON_CALL, null);
        var settings = new RoutingSettings(Duration.ofSeconds(1),
                Map.of(Severity.SEV3, oneAtATime, Severity.SEV2, twoAtATime), 10, Duration.ofSeconds(2));
        when(incidents.startRouting("INC-1")).thenAnswer(call -> incident(IncidentStatus.ROUTING, severity));
        when(directory.availability(any())).thenAnswer(call -> call.<Collection<String>>getArgument(0).stream()
                .filter(statuses::containsKey)
                .map(id -> new EngineerAvailability(id, statuses.get(id), 2, working.getOrDefault(id, 0), "UTC"))
                .toList());
        when(roster.reachable(any(), any(), anyBoolean())).thenAnswer(call -> {
            var ids = new HashSet<String>();
            call.<Collection<EngineerAvailability>>getArgument(0).forEach(e -> ids.add(e.id()));
            return ids;
        });
        dispatcher = new Dispatcher(offers, incidents, directory, finder, settings, mock(TransactionTemplate.class),
                locks, mock(ApplicationEventPublisher.class), Clock.fixed(NOW, ZoneOffset.UTC), mock(Presence.class),
                roster, mock(EscalationContacts.class), full);
        TransactionSynchronizationManager.initSynchronization();
    }

    @AfterEach
    void endTransaction() {
        complete();
    }

    private IncidentView incident(IncidentStatus status) {
        return incident(status, severity);
    }

    private static IncidentView incident(IncidentStatus status, Severity severity) {
        return new IncidentView("INC-1", "SYS-1", "C1", severity, "PLC stops", "line 3 halted", status, null,
                NOW, null, null, null, null, null, null, null);
    }

    private void ranked(String... engineerIds) {
        var hits = java.util.Arrays.stream(engineerIds).map(id -> new Recommendation(id, id, 1.0, List.of())).toList();
        when(finder.recommend(any())).thenReturn(new Recommendations(hits));
    }

    private void availability(String engineerId, EngineerStatus status) {
        statuses.put(engineerId, status);
    }

    @Test
    void theFirstWaveIsRankedFromWhatTheOpeningKnewAndRungWithoutReadingOrLockingTheIncident() {
        ranked("ENG-1");
        availability("ENG-1", EngineerStatus.AVAILABLE);

        assertThat(dispatcher.routeWithOpening(incident(IncidentStatus.OPEN), "S7-1500")).isTrue();

        var request = ArgumentCaptor.forClass(RecommendRequest.class);
        verify(finder).recommend(request.capture());
        assertThat(request.getValue().product()).isEqualTo("S7-1500");
        assertThat(request.getValue().title()).isEqualTo("PLC stops");
        verify(incidents).startRouting("INC-1");
        verify(offers).saveAll(any());
        verify(incidents, never()).summary(any());
        verify(incidents, never()).lock(any());
        verify(directory, never()).findSystem(any());
    }

    @Test
    void whenTheRankingFailsNothingIsWrittenAndTheIncidentStaysOpenForTheSweep() {
        when(finder.recommend(any())).thenThrow(new IllegalStateException("the search index is not open yet"));

        assertThat(dispatcher.routeWithOpening(incident(IncidentStatus.OPEN), "S7-1500")).isTrue();

        verify(incidents, never()).startRouting(any());
        verify(offers, never()).saveAll(any());
    }

    @Test
    void anEngineerLeftOutIsLetGoAtOnceAndTheNextOneHeldByAnotherDecisionIsWaitedForAndRung() throws Exception {
        var ids = EngineerLocksTests.idsOnDifferentStripes();
        ranked(ids.high(), ids.low());
        availability(ids.high(), EngineerStatus.BUSY);
        availability(ids.low(), EngineerStatus.AVAILABLE);
        var release = new CountDownLatch(1);
        var other = holdInOtherDecision(ids.low(), release);
        // the other decision finishes after a moment; before, the opening would have given up its wave at once
        Thread.ofVirtual().start(() -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            release.countDown();
        });

        assertThat(dispatcher.routeWithOpening(incident(IncidentStatus.OPEN), "S7-1500")).isTrue();

        assertThat(offeredTo()).containsExactly(ids.low());
        // the busy engineer's lock went before this transaction ended: another decision takes it without waiting
        holdInOtherDecision(ids.high(), new CountDownLatch(0)).get(5, TimeUnit.SECONDS);
        other.get(5, TimeUnit.SECONDS);
    }

    @Test
    void anEngineerAlreadyChosenKeepsTheLockAndALowerOneHeldElsewhereLeavesTheWaveForAfterTheCommit() throws Exception {
        severity = Severity.SEV2;
        var ids = EngineerLocksTests.idsOnDifferentStripes(3);
        // two at a time: the first batch picks the highest stripe and leaves the middle one out, the second needs the
        // lowest, below a lock it keeps for its offer
        ranked(ids[2], ids[1], ids[0]);
        availability(ids[2], EngineerStatus.AVAILABLE);
        availability(ids[1], EngineerStatus.BUSY);
        availability(ids[0], EngineerStatus.AVAILABLE);
        var release = new CountDownLatch(1);
        var other = holdInOtherDecision(ids[0], release);

        try {
            assertThat(dispatcher.routeWithOpening(incident(IncidentStatus.OPEN), "S7-1500")).isFalse();
        } finally {
            release.countDown();
        }

        verify(incidents).startRouting("INC-1");
        verify(offers, never()).saveAll(any());
        other.get(5, TimeUnit.SECONDS);
    }

    @Test
    void anEngineerFoundAtTheirLimitIsLeftOutOfTheNextRankingsUntilTheirLoadDrops() {
        ranked("ENG-FULL", "ENG-FREE");
        availability("ENG-FULL", EngineerStatus.AVAILABLE);
        availability("ENG-FREE", EngineerStatus.AVAILABLE);
        working.put("ENG-FULL", 2);

        assertThat(dispatcher.routeWithOpening(incident(IncidentStatus.OPEN), "S7-1500")).isTrue();
        assertThat(offeredTo()).containsExactly("ENG-FREE");
        assertThat(excludedFromNextRanking()).contains("ENG-FULL");

        // one of their offers was declined: they may have room again, and the ranking asks for them once more
        full.on(new OfferDeclined("OFF-1", "INC-0", "ENG-FULL", "busy", NOW));
        assertThat(excludedFromNextRanking()).doesNotContain("ENG-FULL");
    }

    /** What the ranking of the next decision leaves out. */
    private java.util.Set<String> excludedFromNextRanking() {
        clearInvocations(finder);
        complete();
        TransactionSynchronizationManager.initSynchronization();
        clearInvocations(offers);
        assertThat(dispatcher.routeWithOpening(incident(IncidentStatus.OPEN), "S7-1500")).isTrue();
        var request = ArgumentCaptor.forClass(RecommendRequest.class);
        verify(finder).recommend(request.capture());
        return request.getValue().excludeEngineerIds();
    }

    @SuppressWarnings("unchecked")
    private List<String> offeredTo() {
        var saved = ArgumentCaptor.forClass(Iterable.class);
        verify(offers).saveAll(saved.capture());
        var engineers = new ArrayList<String>();
        ((Iterable<Offer>) saved.getValue()).forEach(offer -> engineers.add(offer.engineerId()));
        return engineers;
    }

    /** Another decision holding an engineer until {@code release}; returns once it holds them. */
    private CompletableFuture<Void> holdInOtherDecision(String engineerId, CountDownLatch release) throws Exception {
        var holding = new CountDownLatch(1);
        var other = CompletableFuture.runAsync(() -> {
            TransactionSynchronizationManager.initSynchronization();
            try {
                locks.lock(List.of(engineerId));
                holding.countDown();
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                complete();
            }
        });
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        return other;
    }

    private static void complete() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                    TransactionSynchronization.STATUS_COMMITTED);
            TransactionSynchronizationManager.clearSynchronization();
        }
    }
}
