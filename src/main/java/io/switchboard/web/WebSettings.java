package io.switchboard.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits at the web edge.
 *
 * @param maxBodySize largest JSON body on /api/**; a bigger one is refused with 413 before it is read
 * @param maxImportSize largest NDJSON body on /api/import, which is streamed line by line
 */
@ConfigurationProperties("switchboard.web")
record WebSettings(DataSize maxBodySize, DataSize maxImportSize) {
}
