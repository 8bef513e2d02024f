package io.switchboard;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code switchboard.data-dir} absolute before anything reads it: H2 refuses a database path that
 * is only implicitly relative ("data/db"), and every folder under it should mean the same place.
 */
class DataDirectory implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("switchboard.data-dir", "./data");
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource("switchboardDataDir",
                Map.of("switchboard.data-dir", absolute)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
