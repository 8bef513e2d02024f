package io.switchboard.routing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.switchboard.directory.Directory;
import io.switchboard.incidents.IncidentLifecycle;
import io.switchboard.incidents.IncidentStatus;
import io.switchboard.incidents.IncidentView;
import io.switchboard.incidents.Severity;
import io.switchboard.schedules.DutyRoster;
import io.switchboard.search.EngineerFinder;
import io.switchboard.search.Recommendations;

/** The sweep's repair of incidents in ROUTING that lost their ringing offer (the decision itself is mocked away). */
class DispatcherSweepTests {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final IncidentLifecycle incidents = mock(IncidentLifecycle.class);
    private final Offers offers = mock(Offers.class);
    private final EngineerFinder finder = mock(EngineerFinder.class);

    private Dispatcher dispatcher() {
        var policy = new RoutingSettings.Policy(1, Duration.ofSeconds(60), 5, 0, RoutingSettings.Reach.ON_CALL, null);
        var settings = new RoutingSettings(Duration.ofSeconds(1), Map.of(Severity.SEV3, policy), 10, Duration.ofSeconds(2));
        when(finder.recommend(any())).thenReturn(new Recommendations(List.of()));
        return new Dispatcher(offers, incidents, mock(Directory.class), finder, settings,
                new TransactionTemplate(mock(PlatformTransactionManager.class)), new EngineerLocks(),
                mock(ApplicationEventPublisher.class), Clock.fixed(NOW, ZoneOffset.UTC), mock(Presence.class),
                mock(DutyRoster.class), mock(EscalationContacts.class), new FullEngineers(settings));
    }

    private static IncidentView routing(String id) {
        return new IncidentView(id, "SYS-1", "C1", Severity.SEV3, "PLC stops", "line 3 halted", IncidentStatus.ROUTING,
                null, NOW.minusSeconds(30), null, null, null, null, null, null, null);
    }

    @Test
    void ringingIncidentsAreFoundWithOneQueryAndOnlyASilentOneGetsADecision() {
        var ringing = List.of("INC-1", "INC-2", "INC-3", "INC-4");
        when(incidents.routingIncidentIds()).thenReturn(List.of("INC-1", "INC-2", "INC-3", "INC-4", "INC-5"));
        when(offers.ringingIncidentIds()).thenReturn(ringing);
        when(incidents.lock("INC-5")).thenReturn(routing("INC-5"));

        dispatcher().resumeStalled();

        verify(offers).ringingIncidentIds();
        ringing.forEach(id -> verify(incidents, never()).lock(id));
        verify(offers, never()).hasPending(ringing.getFirst());
        verify(incidents).lock("INC-5");
        verify(offers).hasPending("INC-5");
        verify(finder).recommend(any());
    }

    @Test
    void anIncidentThatRangAgainByTheTimeItIsLockedGetsNoWave() {
        when(incidents.routingIncidentIds()).thenReturn(List.of("INC-5"));
        when(offers.ringingIncidentIds()).thenReturn(List.of());
        when(incidents.lock("INC-5")).thenReturn(routing("INC-5"));
        when(offers.hasPending("INC-5")).thenReturn(true);

        dispatcher().resumeStalled();

        verify(finder, never()).recommend(any());
        verify(offers, never()).saveAll(any());
        verify(incidents, never()).escalate(anyString(), anyString(), any());
    }
}
