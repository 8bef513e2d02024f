package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import io.switchboard.directory.EngineersChanged;
import io.switchboard.incidents.IncidentStatus;
import io.switchboard.incidents.IncidentUpdated;

class FullEngineersTests {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final AtomicLong nanoTime = new AtomicLong();
    private final FullEngineers full = new FullEngineers(Duration.ofSeconds(2), nanoTime::get);

    @AfterEach
    void endTransaction() {
        end(TransactionSynchronization.STATUS_ROLLED_BACK);
    }

    @Test
    void aFindingLastsTheMemoryAtMost() {
        full.foundFull("ENG-1");
        nanoTime.addAndGet(Duration.ofMillis(1999).toNanos());
        assertThat(full.current()).containsExactly("ENG-1");
        nanoTime.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(full.current()).isEmpty();
    }

    @Test
    void anIncidentTakenOffTheEngineerFreesThemOnceItsChangeHasCommitted() {
        full.foundFull("ENG-1");
        full.foundFull("ENG-2");
        TransactionSynchronizationManager.initSynchronization();
        full.on(new IncidentUpdated("INC-1", "C1", IncidentStatus.RESOLVED, "ENG-1", NOW, true, "ENG-1"));
        // until the resolve commits, a decision still reads them at their limit
        assertThat(full.current()).containsExactlyInAnyOrder("ENG-1", "ENG-2");
        end(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(full.current()).containsExactly("ENG-2");
    }

    @Test
    void aChangeRolledBackFreesNobody() {
        full.foundFull("ENG-1");
        TransactionSynchronizationManager.initSynchronization();
        full.on(new OfferWithdrawn("OFF-1", "INC-1", "ENG-1", "expired"));
        end(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(full.current()).containsExactly("ENG-1");
    }

    @Test
    void everyWayTheLoadDropsFreesTheEngineer() {
        for (var engineer : List.of("ENG-DECLINED", "ENG-WITHDRAWN", "ENG-RESOLVED", "ENG-REASSIGNED", "ENG-CHANGED")) {
            full.foundFull(engineer);
        }
        full.foundFull("ENG-STILL-FULL");
        full.on(new OfferDeclined("OFF-1", "INC-1", "ENG-DECLINED", "busy", NOW));
        full.on(new OfferWithdrawn("OFF-2", "INC-2", "ENG-WITHDRAWN", "expired"));
        full.on(new IncidentUpdated("INC-3", "C1", IncidentStatus.RESOLVED, "ENG-RESOLVED", NOW, true, "ENG-RESOLVED"));
        full.on(new IncidentUpdated("INC-4", "C1", IncidentStatus.ASSIGNED, "ENG-OTHER", NOW, true, "ENG-REASSIGNED"));
        full.on(new EngineersChanged(List.of("ENG-CHANGED")));
        // an accept moves an offer from ringing to assigned: the load stays
        full.on(new IncidentUpdated("INC-5", "C1", IncidentStatus.ASSIGNED, "ENG-STILL-FULL", NOW, true, null));
        assertThat(full.current()).containsExactly("ENG-STILL-FULL");
    }

    @Test
    void withNoMemoryEveryRankedEngineerIsCheckedEveryTime() {
        var forgetful = new FullEngineers(Duration.ZERO, nanoTime::get);
        forgetful.foundFull("ENG-1");
        assertThat(forgetful.current()).isEmpty();
    }

    private static void end(int status) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                    status);
            TransactionSynchronizationManager.clearSynchronization();
        }
    }
}
