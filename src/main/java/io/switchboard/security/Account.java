package io.switchboard.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "account")
class Account {
    @Id
    private String username;
    @Column(name = "password_hash")
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    private Role role;
    private String customerId;
    private String engineerId;
    private Instant createdAt;

    protected Account() {
    }

    Account(String username, String passwordHash, Role role, String customerId, String engineerId, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.customerId = customerId;
        this.engineerId = engineerId;
        this.createdAt = createdAt;
    }

    CurrentUser asUser() {
        return new CurrentUser(username, role, customerId, engineerId);
    }

    String passwordHash() {
        return passwordHash;
    }

    void changePassword(String hash) {
        this.passwordHash = hash;
    }
}
