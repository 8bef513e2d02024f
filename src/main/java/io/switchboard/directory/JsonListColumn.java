package io.switchboard.directory;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Short lists (an engineer's skills, languages, systems and certifications; a system's tags) are kept as JSON text
 * on their owner's row. Nothing asks SQL about them (the search index does all finding), and a row per item made
 * 100,000 engineers 1.5 million rows, which was half of a full import, and cost extra queries on every read.
 * The lists come back unmodifiable: an owner changes a list by replacing it, which is what Hibernate's dirty
 * check sees (the attributes are marked immutable).
 */
abstract class JsonListColumn<T> implements AttributeConverter<List<T>, String> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JavaType listType;

    JsonListColumn(Class<T> itemType) {
        this.listType = JSON.getTypeFactory().constructCollectionType(List.class, itemType);
    }

    @Override
    public String convertToDatabaseColumn(List<T> items) {
        return JSON.writeValueAsString(items == null ? List.of() : items);
    }

    @Override
    public List<T> convertToEntityAttribute(String text) {
        return text == null ? List.of() : List.copyOf(JSON.<List<T>>readValue(text, listType));
    }

    @Converter
    static final class Strings extends JsonListColumn<String> {
        Strings() {
            super(String.class);
        }
    }

    @Converter
    static final class SystemLevels extends JsonListColumn<SystemLevel> {
        SystemLevels() {
            super(SystemLevel.class);
        }
    }

    @Converter
    static final class Certifications extends JsonListColumn<Certification> {
        Certifications() {
            super(Certification.class);
        }
    }
}
