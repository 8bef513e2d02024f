package io.switchboard.routing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import io.switchboard.persistence.RowLocking;

interface Offers extends RowLocking<Offer> {

    @Override
    @Modifying
    @Query(value = "UPDATE offer SET id = id WHERE id = :id", nativeQuery = true)
    int lockRow(@Param("id") String id);

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

    // One array parameter, not "in :ids": Hibernate translates a query with a list parameter again on every call, and
    // this one runs in every routing decision. Each id is looked up in the engineer index, so the cost follows the
    // engineers asked about, not the offers ringing: behind a backlog thousands ring, and a scan of them in every
    // decision made each one dearer the further the server fell behind. Joined from unnest, not "= any(?)": with the
    // status beside it H2 plans that array as a scan of the whole table.
    @Query(value = """
            select o.engineer_id, count(*) from unnest(:ids) asked(engineer_id)
            join offer o on o.engineer_id = asked.engineer_id
            where o.status = 'PENDING' group by o.engineer_id""", nativeQuery = true)
    List<Object[]> countPending(@Param("ids") String[] engineerIds);

    @Query("select o.status, count(o) from Offer o group by o.status")
    List<Object[]> countByStatus();

    /** Every incident with an offer ringing: one query for the sweep, however many incidents are being routed. */
    @Query("select distinct o.incidentId from Offer o where o.status = io.switchboard.routing.OfferStatus.PENDING")
    List<String> ringingIncidentIds();

    @Query("select count(o) > 0 from Offer o where o.incidentId = :incidentId and o.status = io.switchboard.routing.OfferStatus.PENDING")
    boolean hasPending(@Param("incidentId") String incidentId);
}
