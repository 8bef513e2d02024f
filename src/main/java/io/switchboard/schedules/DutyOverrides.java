package io.switchboard.schedules;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DutyOverrides extends JpaRepository<DutyOverride, String> {

    /** These engineers' overrides that have not ended by {@code after}, soonest first. */
    // Native with one array parameter for the reason Schedules.findScheduled gives; the (engineer_id, ends_at) index
    // finds them.
    @Query(value = "select * from duty_override where engineer_id = any(:ids) and ends_at > :after order by starts_at, id",
            nativeQuery = true)
    List<DutyOverride> findNotEnded(@Param("ids") String[] engineerIds, @Param("after") Instant after);

    @Query("select distinct o.engineerId from DutyOverride o where o.from <= :at and o.to > :at")
    List<String> findEngineersCovered(@Param("at") Instant at);
}
