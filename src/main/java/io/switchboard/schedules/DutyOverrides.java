package io.switchboard.schedules;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DutyOverrides extends JpaRepository<DutyOverride, String> {

    /** These engineers' overrides that have not ended by {@code after}, soonest first. */
    @Query("select o from DutyOverride o where o.engineerId in :ids and o.to > :after order by o.from, o.id")
    List<DutyOverride> findNotEnded(@Param("ids") Collection<String> engineerIds, @Param("after") Instant after);

    @Query("select distinct o.engineerId from DutyOverride o where o.from <= :at and o.to > :at")
    List<String> findEngineersCovered(@Param("at") Instant at);
}
