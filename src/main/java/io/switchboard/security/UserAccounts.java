package io.switchboard.security;

import java.util.List;
import java.util.Optional;

/** Accounts that may sign in. */
public interface UserAccounts {

    CurrentUser create(NewAccount account);

    List<CurrentUser> all();

    Optional<CurrentUser> find(String username);
}
