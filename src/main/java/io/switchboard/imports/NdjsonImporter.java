package io.switchboard.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.switchboard.directory.DirectoryService;
import io.switchboard.directory.NewCustomer;
import io.switchboard.directory.NewEngineer;
import io.switchboard.directory.NewSystem;
import io.switchboard.incidents.HistoricalIncident;
import io.switchboard.incidents.IncidentService;
import io.switchboard.search.BulkIndexing;
import io.switchboard.web.JsonErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams an NDJSON body line by line, so the size of an import is bounded by the database, not the heap.
 * Consecutive lines of one type are stored in batches; lines keep their order, so a system may follow
 * the customer it belongs to in the same file.
 */
@Service
public class NdjsonImporter {
    static final int MAX_LISTED_REJECTIONS = 10_000;
    /** Lines of one type stored in one transaction: each commit rewrites the pages it touched, so fewer is faster. */
    static final int BATCH = 10_000;
    private static final Set<String> TYPES = Set.of("customer", "system", "engineer", "incident");
    private static final String INCIDENT_PREFIX = "{\"type\":\"incident\",";
    private static final String ENGINEER_PREFIX = "{\"type\":\"engineer\",";
    private static final Logger log = LoggerFactory.getLogger(NdjsonImporter.class);

    private final DirectoryService directory;
    private final IncidentService incidents;
    private final JsonMapper json;
    private final Validator validator;
    private final BulkIndexing bulkIndexing;

    NdjsonImporter(DirectoryService directory, IncidentService incidents, JsonMapper json, Validator validator,
            BulkIndexing bulkIndexing) {
        this.bulkIndexing = bulkIndexing;
        this.directory = directory;
        this.incidents = incidents;
        this.json = json;
        this.validator = validator;
    }

    /**
     * The index is fed by a second thread meanwhile (while one batch is indexed, the next is parsed and written);
     * everything stored is searchable when this returns.
     *
     * @throws io.switchboard.search.BulkIndexingFailedException when the index could not take a stored batch; the
     *                                                            import stops there, what was stored is kept
     */
    public ImportReport importFrom(InputStream body) throws IOException {
        Run run;
        try (var indexing = bulkIndexing.begin();
                var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16)) {
            run = new Run(indexing);
            String text;
            long number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    read(run, number, text);
                }
            }
            run.flush();
        }
        log.info("Import done: {} stored, {} rejected", run.imported, run.rejectedTotal);
        return new ImportReport(run.imported, run.rejected, run.rejectedTotal);
    }

    private void read(Run run, long number, String text) {
        if (!readDirectly(run, number, text)) {
            readThroughTree(run, number, text);
        }
    }

    /**
     * The usual line starts with its type: it is parsed once, straight into its record. Anything else, and any line
     * this fails on, goes through {@link #readThroughTree}, which says precisely what is wrong.
     */
    private boolean readDirectly(Run run, long number, String text) {
        Class<?> target = text.startsWith(INCIDENT_PREFIX) ? HistoricalIncident.class
                : text.startsWith(ENGINEER_PREFIX) ? NewEngineer.class : null;
        if (target == null) {
            return false;
        }
        Object item;
        try {
            item = json.readValue(text, target);
        } catch (JacksonException e) {
            return false;
        }
        try {
            run.add(target == HistoricalIncident.class ? "incident" : "engineer", new Line(number, valid(item)));
        } catch (InvalidLine e) {
            run.reject(number, e.getMessage());
        }
        return true;
    }

    private void readThroughTree(Run run, long number, String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            run.reject(number, "not valid JSON: " + e.getOriginalMessage());
            return;
        }
        if (node == null || !node.isObject()) {
            run.reject(number, "a line must be a JSON object");
            return;
        }
        String type = node.path("type").asString("");
        if (!TYPES.contains(type)) {
            run.reject(number, "\"type\" must be one of customer, system, engineer, incident (was '" + type + "')");
            return;
        }
        try {
            Object item = switch (type) {
                case "customer" -> valid(json.treeToValue(node, NewCustomer.class));
                case "system" -> new SystemLine(node.path("customerId").asString(null),
                        valid(json.treeToValue(node, NewSystem.class)));
                case "engineer" -> valid(json.treeToValue(node, NewEngineer.class));
                default -> valid(json.treeToValue(node, HistoricalIncident.class));
            };
            run.add(type, new Line(number, item));
        } catch (JacksonException e) {
            run.reject(number, JsonErrors.describe(e));
        } catch (InvalidLine e) {
            run.reject(number, e.getMessage());
        }
    }

    private <T> T valid(T item) {
        var violations = validator.validate(item);
        if (!violations.isEmpty()) {
            throw new InvalidLine(String.join("; ", violations.stream()
                    .map(NdjsonImporter::describe).sorted().toList()));
        }
        return item;
    }

    private static String describe(ConstraintViolation<?> violation) {
        return violation.getPropertyPath() + ": " + violation.getMessage();
    }

    private record Line(long number, Object item) {
    }

    private record SystemLine(String customerId, NewSystem system) {
    }

    private static final class InvalidLine extends RuntimeException {
        InvalidLine(String message) {
            super(message);
        }
    }

    /** One import: the batch being filled, the counts and the rejections. */
    private final class Run {
        final Map<String, Integer> imported = new LinkedHashMap<>();
        final List<ImportReport.Rejection> rejected = new ArrayList<>();
        int rejectedTotal;
        String batchType;
        final List<Line> batch = new ArrayList<>();
        final BulkIndexing.Session indexing;

        Run(BulkIndexing.Session indexing) {
            this.indexing = indexing;
        }

        void add(String type, Line line) {
            if (!type.equals(batchType) || batch.size() >= BATCH) {
                flush();
                batchType = type;
            }
            batch.add(line);
        }

        void reject(long line, String detail) {
            rejectedTotal++;
            if (rejected.size() < MAX_LISTED_REJECTIONS) {
                rejected.add(new ImportReport.Rejection(line, detail));
            }
        }

        void stored(String type, int count) {
            imported.merge(type, count, Integer::sum);
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            switch (batchType) {
                case "engineer" -> storeEngineers();
                case "incident" -> storeIncidents();
                default -> batch.forEach(this::storeOne);
            }
            batch.clear();
            indexing.check();
        }

        private void storeOne(Line line) {
            try {
                switch (line.item()) {
                    case NewCustomer customer -> directory.createCustomer(customer);
                    case SystemLine system -> directory.createSystem(system.customerId(), system.system());
                    case NewEngineer engineer -> directory.createEngineer(engineer);
                    default -> throw new IllegalStateException("not stored one by one: " + line.item());
                }
                stored(batchType, 1);
            } catch (RuntimeException e) {
                reject(line.number(), e.getMessage());
            }
        }

        private void storeEngineers() {
            var items = batch.stream().map(line -> (NewEngineer) line.item()).toList();
            try {
                var rejectedInBatch = directory.createValidEngineers(items);
                stored("engineer", items.size() - rejectedInBatch.size());
                rejectedInBatch.forEach((index, detail) -> reject(batch.get(index).number(), detail));
            } catch (RuntimeException e) {
                // Something only the database noticed: store the batch line by line to find the bad one.
                batch.forEach(this::storeOne);
            }
        }

        private void storeIncidents() {
            var items = batch.stream().map(line -> (HistoricalIncident) line.item()).toList();
            var result = incidents.archive(items);
            stored("incident", result.stored());
            result.rejected().forEach((index, detail) -> reject(batch.get(index).number(), detail));
        }
    }
}
