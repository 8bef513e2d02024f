package io.switchboard.directory;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CustomerSystems extends JpaRepository<CustomerSystem, String> {
    List<CustomerSystem> findByCustomerIdOrderByName(String customerId);

    @Query("select s.id from CustomerSystem s where s.id in :ids")
    List<String> findExistingIds(@Param("ids") Collection<String> ids);
}
