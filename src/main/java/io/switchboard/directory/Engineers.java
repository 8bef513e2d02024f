package io.switchboard.directory;

import java.util.List;

import jakarta.persistence.QueryHint;

import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
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

    /**
     * Rows of id, status, max_active, time_zone: no entity, and none of the profile's JSON columns parsed. Routing and
     * accepts ask this inside their decisions, which never change an engineer row, so Hibernate need not flush the
     * decision's pending changes first: before a native query it flushes (and dirty-checks) the whole session.
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query(value = "select id, status, max_active, time_zone from engineer where id = any(:ids)", nativeQuery = true)
    List<Object[]> findAvailability(@Param("ids") String[] ids);
}
