package io.switchboard.directory;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CustomerSystems extends JpaRepository<CustomerSystem, String> {
    List<CustomerSystem> findByCustomerIdOrderByName(String customerId);

    // Native with one array parameter, like Engineers: a list parameter makes Hibernate translate the query again on
    // every call.
    @Query(value = "select id from customer_system where id = any(:ids)", nativeQuery = true)
    List<String> findExistingIds(@Param("ids") String[] ids);

    @Query(value = "select * from customer_system where id = any(:ids)", nativeQuery = true)
    List<CustomerSystem> findByIds(@Param("ids") String[] ids);
}
