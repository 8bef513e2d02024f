package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One load driver run against a server in the test JVM, and the report it wrote. */
record DriverRun(LoadDriver driver, int exitCode, String report) {

    static DriverRun against(int port, String adminPassword, Path out, String... options) throws Exception {
        String url = "http://127.0.0.1:" + port;
        var args = new ArrayList<>(List.of("--url", url, "--admin-password", adminPassword, "--out", out.toString()));
        args.addAll(List.of(options));
        var driver = new LoadDriver(new Args(args.toArray(String[]::new)));
        driver.base = url;
        int exitCode = driver.run();
        return new DriverRun(driver, exitCode, Files.readString(out));
    }

    /** Exit code 0, nothing lost and no errors, with the report as the message when not. */
    DriverRun assertNothingLostAndNoErrors() {
        assertThat(exitCode).as(report).isZero();
        assertThat(report).contains("lost (neither offered, escalated nor refused)=0", "errors: {}");
        return this;
    }
}
