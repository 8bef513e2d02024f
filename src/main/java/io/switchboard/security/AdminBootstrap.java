package io.switchboard.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the first admin account exists. Its password comes from SWITCHBOARD_ADMIN_PASSWORD
 * (switchboard.admin-password); without one a password is generated on first start and logged once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {
    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;
    private final String configuredPassword;

    AdminBootstrap(AccountService accounts, @Value("${switchboard.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!configuredPassword.isBlank()) {
            accounts.ensure(new NewAccount(ADMIN, configuredPassword, Role.ADMIN, null, null));
        } else if (accounts.find(ADMIN).isEmpty()) {
            String generated = generatePassword();
            accounts.create(new NewAccount(ADMIN, generated, Role.ADMIN, null, null));
            log.warn("Created account '{}' with generated password: {}  (set SWITCHBOARD_ADMIN_PASSWORD to choose one)",
                    ADMIN, generated);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
