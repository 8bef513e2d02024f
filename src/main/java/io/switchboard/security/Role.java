package io.switchboard.security;

public enum Role {
    ADMIN, DISPATCHER, ENGINEER, CUSTOMER;

    public String authority() {
        return "ROLE_" + name();
    }
}
