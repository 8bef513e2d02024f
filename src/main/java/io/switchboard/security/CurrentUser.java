package io.switchboard.security;

import com.fasterxml.jackson.annotation.JsonIgnore;


/**
 * The signed-in user as the rest of the application sees it. A controller method may take it as a
 * parameter; a customer is tied to one customer, an engineer to one engineer record.
 */
public record CurrentUser(String username, Role role, String customerId, String engineerId) {

    /** Dispatchers and admins see every customer's incidents and the live board. */
    @JsonIgnore
    public boolean isStaff() {
        return role == Role.ADMIN || role == Role.DISPATCHER;
    }

    @JsonIgnore
    public boolean is(Role other) {
        return role == other;
    }
}
