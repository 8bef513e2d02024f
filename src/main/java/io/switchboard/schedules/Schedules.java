package io.switchboard.schedules;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Schedules extends JpaRepository<Schedule, String> {

    /** The patterns with their windows in one query. */
    @Query("select distinct s from Schedule s left join fetch s.windows where s.engineerId in :ids")
    List<Schedule> findWithWindows(@Param("ids") Collection<String> engineerIds);

    @Query("select s.engineerId from Schedule s")
    List<String> findEngineerIds();
}
