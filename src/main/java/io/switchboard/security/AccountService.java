package io.switchboard.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.web.ConflictException;
import io.switchboard.web.InvalidInputException;

@Service
class AccountService implements UserAccounts {
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final AccountReferences directory;
    private final Clock clock;

    AccountService(Accounts accounts, PasswordEncoder encoder, AccountReferences directory, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CurrentUser create(NewAccount request) {
        String customerId = blankToNull(request.customerId());
        String engineerId = blankToNull(request.engineerId());
        switch (request.role()) {
            case CUSTOMER -> {
                if (customerId == null) {
                    throw InvalidInputException.field("customerId", "a CUSTOMER account needs the customer it belongs to");
                }
                if (!directory.customerExists(customerId)) {
                    throw InvalidInputException.field("customerId", "customer '" + customerId + "' does not exist");
                }
            }
            case ENGINEER -> {
                if (engineerId == null) {
                    throw InvalidInputException.field("engineerId", "an ENGINEER account needs the engineer it belongs to");
                }
                if (!directory.engineerExists(engineerId)) {
                    throw InvalidInputException.field("engineerId", "engineer '" + engineerId + "' does not exist");
                }
            }
            default -> {
            }
        }
        if (request.role() != Role.CUSTOMER && customerId != null) {
            throw InvalidInputException.field("customerId", "only a CUSTOMER account belongs to a customer");
        }
        if (request.role() != Role.ENGINEER && engineerId != null) {
            throw InvalidInputException.field("engineerId", "only an ENGINEER account belongs to an engineer");
        }
        if (accounts.existsById(request.username())) {
            throw new ConflictException("username '" + request.username() + "' is taken");
        }
        var account = new Account(request.username(), encoder.encode(request.password()), request.role(),
                customerId, engineerId, clock.instant());
        return accounts.save(account).asUser();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CurrentUser> all() {
        return accounts.findAll().stream().map(Account::asUser).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CurrentUser> find(String username) {
        return accounts.findById(username).map(Account::asUser);
    }

    /** Creates the account, or resets its password when it exists: used for the bootstrap and demo accounts. */
    @Transactional
    void ensure(NewAccount request) {
        accounts.findById(request.username()).ifPresentOrElse(
                existing -> {
                    if (!encoder.matches(request.password(), existing.passwordHash())) {
                        existing.changePassword(encoder.encode(request.password()));
                    }
                },
                () -> create(request));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
