package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
    private final Dispatcher dispatcher;

    DispatcherOpeningTests() {
        var policy = new RoutingSettings.Policy(1, Duration.ofSeconds(60), 5, 0, RoutingSettings.Reach.ON_CALL, null);
        var settings = new RoutingSettings(Duration.ofSeconds(1), Map.of(Severity.SEV3, policy), 10);
        when(incidents.startRouting("INC-1")).thenReturn(incident(IncidentStatus.ROUTING));
        when(roster.reachable(any(), any(), anyBoolean())).thenAnswer(call -> {
            var ids = new HashSet<String>();
            call.<java.util.Collection<EngineerAvailability>>getArgument(0).forEach(e -> ids.add(e.id()));
            return ids;
        });
        dispatcher = new Dispatcher(offers, incidents, directory, finder, settings, mock(TransactionTemplate.class),
                locks, mock(ApplicationEventPublisher.class), Clock.fixed(NOW, ZoneOffset.UTC), mock(Presence.class),
                roster, mock(EscalationContacts.class));
        TransactionSynchronizationManager.initSynchronization();
    }

    @AfterEach
    void endTransaction() {
        complete();
    }

    private static IncidentView incident(IncidentStatus status) {
        return new IncidentView("INC-1", "SYS-1", "C1", Severity.SEV3, "PLC stops", "line 3 halted", status, null,
                NOW, null, null, null, null, null, null, null);
    }

    private void ranked(String... engineerIds) {
        var hits = java.util.Arrays.stream(engineerIds).map(id -> new Recommendation(id, id, 1.0, List.of())).toList();
        when(finder.recommend(any())).thenReturn(new Recommendations(hits));
    }

    private void availability(String engineerId, EngineerStatus status) {
        when(directory.availability(List.of(engineerId)))
                .thenReturn(List.of(new EngineerAvailability(engineerId, status, 2, 0, "UTC")));
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
    void anEngineerFurtherDownHeldByAnotherDecisionLeavesTheWaveForAfterTheCommitInsteadOfWaiting() throws Exception {
        var ids = EngineerLocksTests.idsOnDifferentStripes();
        ranked(ids.high(), ids.low());
        availability(ids.high(), EngineerStatus.BUSY);
        availability(ids.low(), EngineerStatus.AVAILABLE);
        var release = new CountDownLatch(1);
        var holding = new CountDownLatch(1);
        var other = CompletableFuture.runAsync(() -> {
            TransactionSynchronizationManager.initSynchronization();
            try {
                locks.lock(List.of(ids.low()));
                holding.countDown();
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                complete();
            }
        });
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

        try {
            assertThat(dispatcher.routeWithOpening(incident(IncidentStatus.OPEN), "S7-1500")).isFalse();
        } finally {
            release.countDown();
        }

        verify(incidents).startRouting("INC-1");
        verify(offers, never()).saveAll(any());
        other.get(5, TimeUnit.SECONDS);
    }

    private static void complete() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                    TransactionSynchronization.STATUS_COMMITTED);
            TransactionSynchronizationManager.clearSynchronization();
        }
    }
}
