package io.switchboard.routing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

interface Offers extends JpaRepository<Offer, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Offer o where o.id = :id")
    Optional<Offer> findForUpdate(@Param("id") String id);

    /** Whose offer it is and for which incident, without loading (or locking) the offer itself. */
    @Query("select new io.switchboard.routing.Offers$Owner(o.incidentId, o.engineerId) from Offer o where o.id = :id")
    Optional<Owner> ownerOf(@Param("id") String id);

    record Owner(String incidentId, String engineerId) {
    }

    List<Offer> findByIncidentIdOrderByCreatedAt(String incidentId);

    List<Offer> findByIncidentIdAndStatus(String incidentId, OfferStatus status);

    List<Offer> findByEngineerIdAndStatusOrderByExpiresAt(String engineerId, OfferStatus status);

    @Query("select o from Offer o where o.status = io.switchboard.routing.OfferStatus.PENDING and o.expiresAt <= :now order by o.expiresAt")
    List<Offer> findDue(@Param("now") Instant now);

    /**
     * Ringing offers per engineer asked about. "= any(?)" goes through the engineer index to the few engineers asked
     * about; picking them out of all ringing offers (array_contains) read every ringing offer, thousands in a storm that
     * outran the accepts, in every routing decision. One array parameter, not "in :ids": Hibernate translates a query
     * with a list parameter again on every call. Native, as HQL has no "= any".
     */
    String COUNT_PENDING = "select engineer_id, count(*) from offer where engineer_id = any(?1) and status = 'PENDING' "
            + "group by engineer_id";

    // The offer table as the query's space: offers changed in this transaction and not yet flushed (a broadcast's
    // withdrawals) are flushed first, as for a query on the entity, and nothing else is.
    @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "offer"))
    @Query(value = COUNT_PENDING, nativeQuery = true)
    List<Object[]> countPending(String[] engineerIds);

    @Query("select o.status, count(o) from Offer o group by o.status")
    List<Object[]> countByStatus();

    /** Every incident with an offer ringing: one query for the sweep, however many incidents are being routed. */
    @Query("select distinct o.incidentId from Offer o where o.status = io.switchboard.routing.OfferStatus.PENDING")
    List<String> ringingIncidentIds();

    @Query("select count(o) > 0 from Offer o where o.incidentId = :incidentId and o.status = io.switchboard.routing.OfferStatus.PENDING")
    boolean hasPending(@Param("incidentId") String incidentId);
}
