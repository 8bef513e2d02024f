package io.switchboard.routing;

import java.time.Instant;


import io.switchboard.persistence.AssignedId;
import io.switchboard.web.ConflictException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One engineer being asked to take one incident, until they answer or the offer runs out. */
@Entity
@Table(name = "offer")
class Offer extends AssignedId {
    @Id
    private String id;
    private String incidentId;
    private String engineerId;
    private int wave;
    /** Which routing round: 0 from opening, +1 for each dispatcher re-route. */
    @jakarta.persistence.Column(name = "routing_round")
    private int round;
    @Enumerated(EnumType.STRING)
    private OfferStatus status;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant closedAt;
    private String reason;
    @Version
    private long version;

    protected Offer() {
    }

    Offer(String id, String incidentId, String engineerId, int round, int wave, Instant now, Instant expiresAt) {
        this.id = id;
        this.round = round;
        this.incidentId = incidentId;
        this.engineerId = engineerId;
        this.wave = wave;
        this.status = OfferStatus.PENDING;
        this.createdAt = now;
        this.expiresAt = expiresAt;
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


    String incidentId() {
        return incidentId;
    }

    String engineerId() {
        return engineerId;
    }

    int round() {
        return round;
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
