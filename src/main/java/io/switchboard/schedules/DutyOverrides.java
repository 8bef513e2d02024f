package io.switchboard.schedules;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.QueryHint;

import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

interface DutyOverrides extends JpaRepository<DutyOverride, String> {

    /** These engineers' overrides that have not ended by {@code after}, soonest first. */
    // Native with one array parameter for the reason Schedules.findScheduled gives; the (engineer_id, ends_at) index
    // finds them. Nor does it flush the routing decision asking it first, for the same reason.
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query(value = "select * from duty_override where engineer_id = any(:ids) and ends_at > :after order by starts_at, id",
            nativeQuery = true)
    List<DutyOverride> findNotEnded(@Param("ids") String[] engineerIds, @Param("after") Instant after);

    @Query("select distinct o.engineerId from DutyOverride o where o.from <= :at and o.to > :at")
    List<String> findEngineersCovered(@Param("at") Instant at);
}
