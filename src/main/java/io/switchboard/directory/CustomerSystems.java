package io.switchboard.directory;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerSystems extends JpaRepository<CustomerSystem, String> {
    List<CustomerSystem> findByCustomerIdOrderByName(String customerId);
}
