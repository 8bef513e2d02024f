package io.switchboard.bench;

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
}
