package io.switchboard.routing;

import java.util.List;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.switchboard.security.CurrentUser;
import io.switchboard.security.UserAccounts;

/**
 * The staff the policies name in {@code escalate-to}. The accounts may be created after the settings are
 * written, so a name that is no dispatcher or admin (yet) is skipped with a warning, never a failed start.
 */
@Component
class EscalationContacts {
    private static final Logger log = LoggerFactory.getLogger(EscalationContacts.class);

    private final UserAccounts accounts;
    private final RoutingSettings settings;

    EscalationContacts(UserAccounts accounts, RoutingSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    /** Warns at start about every configured name that cannot be told, so an operator sees a typo at once. */
    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        var named = new TreeSet<String>();
        if (settings.policies() != null) {
            settings.policies().values().forEach(policy -> named.addAll(policy.escalateTo()));
        }
        reachable(List.copyOf(named));
    }

    /** The usernames among these that belong to a dispatcher or admin, in the given order. */
    List<String> reachable(List<String> usernames) {
        return usernames.stream().filter(this::isStaff).toList();
    }

    private boolean isStaff(String username) {
        boolean staff = accounts.find(username).map(CurrentUser::isStaff).orElse(false);
        if (!staff) {
            log.warn("switchboard.routing.policies.*.escalate-to names '{}', which is no dispatcher or admin account; skipped",
                    username);
        }
        return staff;
    }
}
