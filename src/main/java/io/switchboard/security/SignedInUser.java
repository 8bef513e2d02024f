package io.switchboard.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** Spring Security's view of an account; carries the {@link CurrentUser} so no lookup is needed later. */
final class SignedInUser implements UserDetails, CredentialsContainer {
    private final CurrentUser user;
    private String passwordHash;

    SignedInUser(CurrentUser user, String passwordHash) {
        this.user = user;
        this.passwordHash = passwordHash;
    }

    CurrentUser user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
