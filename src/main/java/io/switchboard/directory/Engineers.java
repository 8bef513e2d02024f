package io.switchboard.directory;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Engineers extends JpaRepository<Engineer, String> {

    @Query("select e.id from Engineer e order by e.id")
    List<String> findIds(Pageable page);

    // Native with one array parameter: a list parameter (and findAllById) makes Hibernate translate the query again on
    // every call, and routing asks for engineers by id several times per incident. H2 uses the primary key for it.
    @Query(value = "select id from engineer where id = any(:ids)", nativeQuery = true)
    List<String> findExistingIds(@Param("ids") String[] ids);

    @Query(value = "select * from engineer where id = any(:ids)", nativeQuery = true)
    List<Engineer> findByIds(@Param("ids") String[] ids);

    /** Rows of id, status, max_active, time_zone: no entity, and none of the profile's JSON columns parsed. */
    @Query(value = "select id, status, max_active, time_zone from engineer where id = any(:ids)", nativeQuery = true)
    List<Object[]> findAvailability(@Param("ids") String[] ids);
}
