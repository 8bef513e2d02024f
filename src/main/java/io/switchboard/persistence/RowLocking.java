package io.switchboard.persistence;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * Repositories whose rows a decision locks until its transaction ends. Each declares {@link #lockRow} as an update of
 * its table that changes nothing: it takes the same row lock as SELECT ... FOR UPDATE, which H2 parses and plans anew
 * on every call (it never caches a locking query), while the update is cached like any other statement.
 */
@NoRepositoryBean
public interface RowLocking<T> extends JpaRepository<T, String> {

    /** Locks the row until the transaction ends, then reads it; empty when there is no such row. */
    default Optional<T> findForUpdate(String id) {
        return lockRow(id) == 0 ? Optional.empty() : findById(id);
    }

    /** e.g. {@code UPDATE incident SET id = id WHERE id = :id}, native and {@code @Modifying}; the rows it locked. */
    int lockRow(String id);
}
