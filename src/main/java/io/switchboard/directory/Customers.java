package io.switchboard.directory;

import org.springframework.data.jpa.repository.JpaRepository;

interface Customers extends JpaRepository<Customer, String> {
}
