package io.switchboard.imports;

import java.util.List;
import java.util.Map;

/**
 * What an import did. {@code rejected} lists the first {@value NdjsonImporter#MAX_LISTED_REJECTIONS}
 * bad lines; {@code rejectedTotal} counts them all.
 */
public record ImportReport(Map<String, Integer> imported, List<Rejection> rejected, int rejectedTotal) {

    public record Rejection(long line, String detail) {
    }
}
