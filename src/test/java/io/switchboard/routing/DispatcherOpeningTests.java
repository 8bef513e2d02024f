package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
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
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.switchboard.directory.Directory;
import io.switchboard.incidents.IncidentLifecycle;
import io.switchboard.incidents.IncidentStatus;
import io.switchboard.incidents.IncidentView;
import io.switchboard.incidents.Severity;
import io.switchboard.schedules.DutyRoster;
import io.switchboard.search.EngineerFinder;
import io.switchboard.search.RecommendRequest;
import io.switchboard.search.Recommendations;

/** How a new incident's routing starts from the opening's own view of it (the decision itself is not run here). */
class DispatcherOpeningTests {
    private static final Instant OPENED_AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration SWEEP = Duration.ofSeconds(1);

    private final IncidentLifecycle incidents = mock(IncidentLifecycle.class);
    private final Directory directory = mock(Directory.class);
    private final EngineerFinder finder = mock(EngineerFinder.class);

    private Dispatcher dispatcherAt(Instant now) {
        var policy = new RoutingSettings.Policy(1, Duration.ofSeconds(60), 5, 0, RoutingSettings.Reach.ON_CALL, null);
        var settings = new RoutingSettings(SWEEP, Map.of(Severity.SEV3, policy), 10);
        when(finder.recommend(any())).thenReturn(new Recommendations(List.of()));
        return new Dispatcher(mock(Offers.class), incidents, directory, finder, settings, mock(TransactionTemplate.class),
                new EngineerLocks(), mock(ApplicationEventPublisher.class), Clock.fixed(now, ZoneOffset.UTC),
                mock(Presence.class), mock(DutyRoster.class), mock(EscalationContacts.class));
    }

    private static IncidentView incident(IncidentStatus status) {
        return new IncidentView("INC-1", "SYS-1", "C1", Severity.SEV3, "PLC stops", "line 3 halted", status, null,
                OPENED_AT, null, null, null, null, null, null, null);
    }

    @Test
    void anOpeningRoutedWithinASweepIsRankedFromWhatTheOpeningKnewWithoutReadingItBack() {
        dispatcherAt(OPENED_AT.plusMillis(50)).route(incident(IncidentStatus.OPEN), "S7-1500");

        var request = ArgumentCaptor.forClass(RecommendRequest.class);
        verify(finder).recommend(request.capture());
        assertThat(request.getValue().product()).isEqualTo("S7-1500");
        assertThat(request.getValue().title()).isEqualTo("PLC stops");
        verify(incidents, never()).summary(any());
        verify(directory, never()).findSystem(any());
    }

    @Test
    void anOpeningThatWaitedLongerThanASweepIsReadBackAndNotRankedAgainWhenTheSweepRoutedIt() {
        when(incidents.summary("INC-1")).thenReturn(incident(IncidentStatus.ROUTING));

        dispatcherAt(OPENED_AT.plus(SWEEP).plusMillis(1)).route(incident(IncidentStatus.OPEN), "S7-1500");

        verify(incidents).summary("INC-1");
        verify(finder, never()).recommend(any());
    }
}
