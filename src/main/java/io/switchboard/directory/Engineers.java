package io.switchboard.directory;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Engineers extends JpaRepository<Engineer, String> {

    @Query("select e.id from Engineer e order by e.id")
    List<String> findIds(Pageable page);

    @Query("select e.id from Engineer e where e.id in :ids")
    List<String> findExistingIds(@org.springframework.data.repository.query.Param("ids") java.util.Collection<String> ids);
}
