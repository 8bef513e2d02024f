package io.switchboard.directory;

import java.util.UUID;

/** Client-chosen ids are short and URL-safe; server-made ones are random. */
public final class Ids {
    public static final String PATTERN = "[A-Za-z0-9._:-]+";
    public static final String MESSAGE = "may only hold letters, digits and . _ : -";

    private Ids() {
    }

    public static String orNew(String id) {
        return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    }
}
