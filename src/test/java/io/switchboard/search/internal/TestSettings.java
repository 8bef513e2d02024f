package io.switchboard.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import io.switchboard.search.SearchSettings;

/** The shipped defaults (config/application.yml), bound exactly as Spring would, with optional overrides. */
final class TestSettings {

    private TestSettings() {}

    static SearchSettings defaults() {
        return with(Map.of());
    }

    static SearchSettings with(Map<String, String> overrides) {
        try {
            List<PropertySource<?>> yml = new YamlPropertySourceLoader()
                    .load("search", new FileSystemResource(Path.of("config/application.yml")));
            List<ConfigurationPropertySource> sources = new ArrayList<>();
            sources.add(new MapConfigurationPropertySource(overrides));
            ConfigurationPropertySources.from(yml).forEach(sources::add);
            return new Binder(sources).bind("switchboard.search", SearchSettings.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
