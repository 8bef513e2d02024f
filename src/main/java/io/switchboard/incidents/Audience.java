package io.switchboard.incidents;

import java.util.Set;

import io.switchboard.security.CurrentUser;

/** Who may see one incident: staff, the customer who owns it, and the engineers it was offered or given to. */
public record Audience(String customerId, Set<String> engineerIds) {

    public boolean includes(CurrentUser user) {
        return switch (user.role()) {
            case ADMIN, DISPATCHER -> true;
            case CUSTOMER -> customerId != null && customerId.equals(user.customerId());
            case ENGINEER -> user.engineerId() != null && engineerIds.contains(user.engineerId());
        };
    }
}
