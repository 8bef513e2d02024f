package io.switchboard.security;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
class AccountsController {
    private final UserAccounts accounts;

    AccountsController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    CurrentUser create(@Valid @RequestBody NewAccount account) {
        return accounts.create(account);
    }

    @GetMapping("/api/users")
    @PreAuthorize("hasRole('ADMIN')")
    List<CurrentUser> all() {
        return accounts.all();
    }

    @GetMapping("/api/me")
    CurrentUser me(CurrentUser user) {
        return user;
    }
}
