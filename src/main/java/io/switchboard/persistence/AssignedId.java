package io.switchboard.persistence;

import org.springframework.data.domain.Persistable;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

/** Entities whose id the client (or we) chose: persist without a select-before-insert. */
@MappedSuperclass
public abstract class AssignedId implements Persistable<String> {
    @Transient
    private boolean isNew = true;

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    protected void markNotNew() {
        isNew = false;
    }
}
