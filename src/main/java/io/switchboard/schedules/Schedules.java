package io.switchboard.schedules;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.QueryHint;

import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

interface Schedules extends JpaRepository<Schedule, String> {

    // One array parameter, not "in :ids": Hibernate translates a query with a list parameter again on every call, and
    // routing asks this in every decision, usually about engineers without a pattern. H2 uses the primary key for it.
    // Those decisions never change schedules, so Hibernate need not flush (and dirty-check) them first.
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query(value = "select engineer_id from engineer_schedule where engineer_id = any(:ids)", nativeQuery = true)
    List<String> findScheduled(@Param("ids") String[] engineerIds);

    /** The patterns with their windows in one query. */
    @Query("select distinct s from Schedule s left join fetch s.windows where s.engineerId in :ids")
    List<Schedule> findWithWindows(@Param("ids") Collection<String> engineerIds);

    @Query("select s.engineerId from Schedule s")
    List<String> findEngineerIds();
}
