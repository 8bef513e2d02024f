package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class KnownSystemsTests {

    private final CustomerSystems rows = mock(CustomerSystems.class);
    private final KnownSystems known = new KnownSystems(rows);

    private static CustomerSystem system(String id) {
        return new CustomerSystem(id, "C1", new NewSystem(id, "Line " + id, "S7-1500", "v2", null, List.of("night")),
                Instant.parse("2026-11-01T00:00:00Z"));
    }

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void readsASystemOnceAndAnswersFromMemoryAfterwards() {
        when(rows.findById("S-1")).thenReturn(Optional.of(system("S-1")));

        assertThat(known.find("S-1")).map(SystemView::product).contains("S7-1500");
        assertThat(known.find("S-1")).map(SystemView::tags).contains(List.of("night"));
        assertThat(known.find(List.of("S-1"))).extracting(SystemView::id).containsExactly("S-1");

        verify(rows, times(1)).findById("S-1");
        verify(rows, times(0)).findByIds(any());
    }

    @Test
    void readsOnlyTheSystemsItDoesNotKnowYet() {
        when(rows.findById("S-1")).thenReturn(Optional.of(system("S-1")));
        when(rows.findByIds(new String[] {"S-2", "NOPE"})).thenReturn(List.of(system("S-2")));
        known.find("S-1");

        assertThat(known.find(List.of("S-1", "S-2", "NOPE", "S-1"))).extracting(SystemView::id)
                .containsExactlyInAnyOrder("S-1", "S-2");
        assertThat(known.find("S-2")).isPresent();

        verify(rows).findByIds(new String[] {"S-2", "NOPE"});
        verify(rows, times(0)).findById("S-2");
    }

    @Test
    void doesNotRememberThatASystemIsMissingAsItMayBeCreatedLater() {
        when(rows.findById("S-9")).thenReturn(Optional.empty(), Optional.of(system("S-9")));

        assertThat(known.find("S-9")).isEmpty();
        assertThat(known.find("S-9")).isPresent();
    }

    @Test
    void remembersWhatATransactionReadOnlyOnceItCommits() {
        when(rows.findById("S-1")).thenReturn(Optional.of(system("S-1")));
        when(rows.findById("S-2")).thenReturn(Optional.of(system("S-2")));

        TransactionSynchronizationManager.initSynchronization();
        assertThat(known.find("S-1")).isPresent(); // perhaps created by this very transaction
        end(TransactionSynchronization.STATUS_ROLLED_BACK);
        TransactionSynchronizationManager.initSynchronization();
        assertThat(known.find("S-2")).isPresent();
        end(TransactionSynchronization.STATUS_COMMITTED);

        known.find("S-1");
        known.find("S-2");
        verify(rows, times(2)).findById("S-1");
        verify(rows, times(1)).findById("S-2");
    }

    private static void end(int status) {
        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(s -> s.afterCompletion(status));
    }
}
