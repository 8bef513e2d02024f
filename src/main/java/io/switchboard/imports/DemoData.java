package io.switchboard.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.switchboard.directory.DirectoryService;
import io.switchboard.security.NewAccount;
import io.switchboard.security.Role;
import io.switchboard.security.UserAccounts;

/**
 * Under the {@code demo} profile only: loads config/demo/demo.ndjson into an empty database and creates
 * documented accounts — {@code dispatcher}, one per customer (its id in lower case) and one per engineer
 * (their first name in lower case), all with the demo password.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@EnableConfigurationProperties(DemoData.Settings.class)
class DemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Settings settings;
    private final NdjsonImporter importer;
    private final DirectoryService directory;
    private final UserAccounts accounts;

    DemoData(Settings settings, NdjsonImporter importer, DirectoryService directory, UserAccounts accounts) {
        this.settings = settings;
        this.importer = importer;
        this.directory = directory;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!directory.allCustomers().isEmpty()) {
            log.info("Demo data: the database already has customers; nothing loaded");
            return;
        }
        try (InputStream in = Files.newInputStream(settings.data())) {
            var report = importer.importFrom(in);
            log.info("Demo data loaded from {}: {} (rejected {})", settings.data(), report.imported(), report.rejectedTotal());
        }
        account("dispatcher", Role.DISPATCHER, null, null);
        directory.allCustomers().forEach(c -> account(c.id().toLowerCase(Locale.ROOT), Role.CUSTOMER, c.id(), null));
        directory.engineers(0, 10_000).forEach(e ->
                account(e.name().split("\\s+")[0].toLowerCase(Locale.ROOT), Role.ENGINEER, null, e.id()));
        log.info("Demo accounts ready, password '{}': dispatcher, customers by id (acme, ...), engineers by first name (anna, ...)",
                settings.password());
    }

    private void account(String username, Role role, String customerId, String engineerId) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(new NewAccount(username, settings.password(), role, customerId, engineerId));
        }
    }

    /**
     * @param data the NDJSON file loaded into an empty database
     * @param password the password of every demo account
     */
    @ConfigurationProperties("switchboard.demo")
    record Settings(Path data, String password) {
    }
}
