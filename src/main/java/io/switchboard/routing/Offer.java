package io.switchboard.routing;

import java.time.Instant;

import org.springframework.data.domain.Persistable;

import io.switchboard.web.ConflictException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/** One engineer being asked to take one incident, until they answer or the offer runs out. */
@Entity
@Table(name = "offer")
class Offer implements Persistable<String> {
    @Id
    private String id;
    private String incidentId;
    private String engineerId;
    private int wave;
    @Enumerated(EnumType.STRING)
    private OfferStatus status;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant closedAt;
    private String reason;
    @Version
    private long version;
    @Transient
    private boolean isNew;

    protected Offer() {
    }

    Offer(String id, String incidentId, String engineerId, int wave, Instant now, Instant expiresAt) {
        this.id = id;
        this.incidentId = incidentId;
        this.engineerId = engineerId;
        this.wave = wave;
        this.status = OfferStatus.PENDING;
        this.createdAt = now;
        this.expiresAt = expiresAt;
        this.isNew = true;
    }

    boolean isPending() {
        return status == OfferStatus.PENDING;
    }

    boolean hasExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    void accept(Instant now) {
        close(OfferStatus.ACCEPTED, now, null);
    }

    void decline(String why, Instant now) {
        close(OfferStatus.DECLINED, now, why);
    }

    void expire(Instant now) {
        close(OfferStatus.EXPIRED, now, "no answer before " + expiresAt);
    }

    void withdraw(String why, Instant now) {
        close(OfferStatus.WITHDRAWN, now, why);
    }

    private void close(OfferStatus newStatus, Instant now, String why) {
        if (status != OfferStatus.PENDING) {
            throw new ConflictException("offer " + id + " is already " + status);
        }
        status = newStatus;
        closedAt = now;
        reason = why;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markNotNew() {
        isNew = false;
    }

    String incidentId() {
        return incidentId;
    }

    String engineerId() {
        return engineerId;
    }

    int wave() {
        return wave;
    }

    OfferStatus status() {
        return status;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
