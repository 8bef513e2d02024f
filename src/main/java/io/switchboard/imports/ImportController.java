package io.switchboard.imports;

import java.io.IOException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

@RestController
class ImportController {
    private final NdjsonImporter importer;

    ImportController(NdjsonImporter importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/api/import", consumes = {"application/x-ndjson", "text/plain"})
    @PreAuthorize("hasRole('ADMIN')")
    ImportReport importNdjson(HttpServletRequest request) throws IOException {
        return importer.importFrom(request.getInputStream());
    }
}
