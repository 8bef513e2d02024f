package io.switchboard.incidents;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

import io.switchboard.persistence.RowLocking;

import jakarta.persistence.QueryHint;

interface Incidents extends RowLocking<Incident> {

    @Override
    @Modifying
    @Query(value = "UPDATE incident SET id = id WHERE id = :id", nativeQuery = true)
    int lockRow(@Param("id") String id);

    @Query("""
            select i from Incident i
            where (:status is null or i.status = :status)
              and (:customerId is null or i.customerId = :customerId)
              and (:engineerId is null or exists (
                    select 1 from IncidentEngineer ie where ie.incidentId = i.id and ie.engineerId = :engineerId))
            order by i.openedAt desc, i.id""")
    Page<Incident> search(@Param("status") IncidentStatus status, @Param("customerId") String customerId,
            @Param("engineerId") String engineerId, Pageable page);

    List<Incident> findByAssigneeAndStatusOrderByOpenedAtDesc(String assignee, IncidentStatus status);

    // One array parameter, not "in :ids": Hibernate translates a query with a list parameter again on every call, and
    // this one runs for every routing decision, accept and engineer view. live_assignee (V8) is indexed and set only
    // while the incident is ASSIGNED, so this reads the engineers' own live incidents and nothing else. It counts what is
    // committed, without flushing the session first (a native query otherwise flushes and dirty-checks all of it): every
    // decision asks before it assigns anyone, and an engineer's lock keeps others' assignments out meanwhile.
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query(value = "select live_assignee, count(*) from incident where live_assignee = any(:ids) group by live_assignee",
            nativeQuery = true)
    List<Object[]> countActive(@Param("ids") String[] engineerIds);

    // Native with one array parameter: Hibernate translates a query with a list parameter again on every call, and an
    // import runs this for every 200 ids. H2 finds "= any(?)" through the primary key.
    @Query(value = "select id from incident where id = any(:ids)", nativeQuery = true)
    List<String> findExistingIds(@Param("ids") String[] ids);

    /** Straight into the records the index needs: no entities to manage for a read of thousands. */

    /**
     * Every status, on purpose: with "status = RESOLVED" H2 walks the status index (a million entries) and sorts
     * them for every page; by id alone it reads the next page off the primary key.
     */
    @Query("select i.id from Incident i where i.id > :after order by i.id")
    List<String> idsAfter(@Param("after") String after, Pageable page);

    @Query("select i.id from Incident i where i.status = :status order by i.openedAt")
    List<String> idsInStatus(@Param("status") IncidentStatus status);

    @Query("select i.id from Incident i where i.status = :status and i.openedAt < :before order by i.openedAt")
    List<String> idsInStatusOpenedBefore(@Param("status") IncidentStatus status, @Param("before") Instant before);

    long countByStatus(IncidentStatus status);

    @Query("select max(i.resolvedAt) from Incident i where i.status = io.switchboard.incidents.IncidentStatus.RESOLVED")
    java.time.Instant lastResolvedAt();

    /**
     * Live incidents with an SLA warning or breach due at {@code now}: a deadline passed, or within the last
     * {@code ratio} of its target and not warned of yet. Only ids, and the arithmetic in the database: this runs every
     * second, and reading every live incident for it would cost the more the longer the backlog. The statuses are
     * listed (not "not RESOLVED") so the status index finds the live rows beside a million imported ones. Two
     * milliseconds of slack make it a superset of {@link Incident#checkSla}, which decides under the row's lock. The
     * ratio is cast because H2 gives a bare parameter the type of the BIGINT it multiplies: 0.2 would be 0.
     */
    @Query(value = """
            select id from incident
            where historical = false and status in ('OPEN', 'ROUTING', 'ASSIGNED', 'ESCALATED')
              and ((acknowledged_at is null and ack_by is not null and ack_breached_at is null
                    and (ack_by <= :now or (ack_warned_at is null
                         and datediff(millisecond, :now, ack_by)
                             <= cast(:ratio as double precision) * datediff(millisecond, opened_at, ack_by) + 2)))
                or (resolve_by is not null and resolve_breached_at is null
                    and (resolve_by <= :now or (resolve_warned_at is null
                         and datediff(millisecond, :now, resolve_by)
                             <= cast(:ratio as double precision) * datediff(millisecond, opened_at, resolve_by) + 2))))
            order by opened_at""", nativeQuery = true)
    List<String> slaDue(@Param("now") Instant now, @Param("ratio") double ratio);

    /** Per severity: opened, assigned, resolved, escalated, mean ms to acknowledge, mean ms to resolve. */
    @Query(value = """
            select i.severity, count(*), count(i.acknowledged_at), count(i.resolved_at),
                   sum(case when exists (select 1 from timeline_entry t where t.incident_id = i.id and t.type = 'ESCALATED')
                            then 1 else 0 end),
                   avg(cast(datediff('MILLISECOND', i.opened_at, i.acknowledged_at) as double precision)),
                   avg(cast(datediff('MILLISECOND', i.opened_at, i.resolved_at) as double precision))
            from incident i where i.historical = false group by i.severity""", nativeQuery = true)
    List<Object[]> figuresPerSeverity();

    @Modifying
    @Query(value = "merge into incident_engineer (incident_id, engineer_id) key (incident_id, engineer_id) values (:incidentId, :engineerId)", nativeQuery = true)
    void involve(@Param("incidentId") String incidentId, @Param("engineerId") String engineerId);

    @Query("select ie.engineerId from IncidentEngineer ie where ie.incidentId = :incidentId")
    List<String> involvedEngineers(@Param("incidentId") String incidentId);
}
