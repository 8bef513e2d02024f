package io.switchboard.directory;

import io.switchboard.persistence.AssignedId;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer")
class Customer extends AssignedId {
    @Id
    private String id;
    private String name;
    private Instant createdAt;

    protected Customer() {
    }

    Customer(String id, String name, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
    }

    @Override
    public String getId() {
        return id;
    }

    CustomerView view() {
        return new CustomerView(id, name);
    }
}
