package io.switchboard.security;

import java.security.Principal;
import java.util.Optional;

import org.springframework.security.core.Authentication;

/** Finds the {@link CurrentUser} behind a principal, e.g. a WebSocket session's. */
public final class CurrentUsers {
    private CurrentUsers() {
    }

    public static Optional<CurrentUser> of(Principal principal) {
        if (principal instanceof Authentication authentication
                && authentication.getPrincipal() instanceof SignedInUser signedIn) {
            return Optional.of(signedIn.user());
        }
        return Optional.empty();
    }
}
