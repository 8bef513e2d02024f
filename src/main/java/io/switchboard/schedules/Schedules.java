package io.switchboard.schedules;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Schedules extends JpaRepository<Schedule, String> {

    /**
     * The patterns; their windows come in batches (see {@link Schedule}). Native with one array parameter: routing asks
     * this on every wave, and Hibernate translates a query with a list parameter again on every call.
     */
    @Query(value = "select * from engineer_schedule where engineer_id = any(:ids)", nativeQuery = true)
    List<Schedule> findByEngineerIds(@Param("ids") String[] engineerIds);

    @Query("select s.engineerId from Schedule s")
    List<String> findEngineerIds();
}
