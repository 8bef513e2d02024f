package io.switchboard.routing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import io.switchboard.incidents.IncidentOpened;
import io.switchboard.incidents.IncidentStatus;
import io.switchboard.incidents.IncidentView;
import io.switchboard.incidents.Severity;
import io.switchboard.incidents.SlaWatch;

/** What an opening leaves for after its commit (the transaction is simulated; the executor runs tasks at once). */
class RoutingTriggersTests {
    private final Dispatcher dispatcher = mock(Dispatcher.class);
    private final RoutingTriggers triggers = new RoutingTriggers(dispatcher, Runnable::run, Clock.systemUTC(),
            mock(SlaWatch.class));
    private final IncidentOpened opened = new IncidentOpened(new IncidentView("INC-1", "SYS-1", "C1", Severity.SEV3,
            "PLC stops", "line 3 halted", IncidentStatus.OPEN, null, Instant.EPOCH, null, null, null, null, null, null,
            null), "S7-1500");

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aWaveTheOpeningCouldNotRingIsRungOnceTheOpeningHasCommittedAndNotBefore() {
        when(dispatcher.routeWithOpening(any(), any())).thenReturn(false);
        TransactionSynchronizationManager.initSynchronization();

        triggers.on(opened);

        verify(dispatcher, never()).ringIfSilent(any());
        end(TransactionSynchronization.STATUS_COMMITTED);
        verify(dispatcher).ringIfSilent("INC-1");
    }

    @Test
    void anOpeningThatRolledBackLeavesNothingToRing() {
        openWhereTheWave(false, TransactionSynchronization.STATUS_ROLLED_BACK);

        verify(dispatcher, never()).ringIfSilent(any());
    }

    @Test
    void anOpeningThatRangItsWaveLeavesNothingForAfterTheCommit() {
        openWhereTheWave(true, TransactionSynchronization.STATUS_COMMITTED);

        verify(dispatcher).routeWithOpening(opened.incident(), "S7-1500");
        verify(dispatcher, never()).ringIfSilent(any());
    }

    /** The opening's transaction, in which the first wave was rung or not, and how it ended. */
    private void openWhereTheWave(boolean rung, int ending) {
        when(dispatcher.routeWithOpening(any(), any())).thenReturn(rung);
        TransactionSynchronizationManager.initSynchronization();
        triggers.on(opened);
        end(ending);
    }

    private static void end(int status) {
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(), status);
    }
}
