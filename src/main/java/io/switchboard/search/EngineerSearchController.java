package io.switchboard.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.switchboard.directory.Directory;
import io.switchboard.directory.EngineerStatus;
import io.switchboard.directory.EngineerView;
import io.switchboard.web.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The dispatcher's questions: who matches these words and filters, and who should take this incident. */
@RestController
@Validated
@PreAuthorize("hasAnyRole('DISPATCHER','ADMIN')")
class EngineerSearchController {
    private final EngineerFinder finder;
    private final Directory directory;

    EngineerSearchController(EngineerFinder finder, Directory directory) {
        this.finder = finder;
        this.directory = directory;
    }

    @GetMapping("/api/engineers/search")
    SearchPage search(@RequestParam(required = false) @Size(max = 1000) String q,
            @RequestParam(required = false) @Size(max = 64) String system,
            @RequestParam(required = false) @Size(max = 100) String skill,
            @RequestParam(required = false) EngineerStatus status,
            @RequestParam(required = false) String near,
            @RequestParam(required = false) @Min(0) @Max(20_000) Double withinKm,
            @RequestParam(defaultValue = "false") boolean certified,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int offset) {
        var result = finder.search(new EngineerSearch(q, system, skill, status == null ? null : status.name(),
                parseNear(near), withinKm, certified, limit, offset));
        Map<String, EngineerView> engineers = new HashMap<>();
        directory.findEngineers(result.hits().stream().map(SearchHit::engineerId).toList())
                .forEach(e -> engineers.put(e.id(), e));
        var hits = result.hits().stream()
                .filter(hit -> engineers.containsKey(hit.engineerId()))
                .map(hit -> new Hit(engineers.get(hit.engineerId()), hit.score(), hit.highlights(), hit.reasons(),
                        hit.distanceKm()))
                .toList();
        return new SearchPage(result.total(), hits, result.facets());
    }

    @PostMapping("/api/engineers/recommend")
    Recommendations recommend(@Valid @RequestBody RecommendQuery query) {
        String product = null;
        if (query.systemId() != null && !query.systemId().isBlank()) {
            product = directory.findSystem(query.systemId())
                    .orElseThrow(() -> InvalidInputException.field("systemId", "system '" + query.systemId() + "' does not exist"))
                    .product();
        }
        return finder.recommend(new RecommendRequest(blankToNull(query.systemId()), product, query.title(),
                query.description() == null ? "" : query.description(), query.limit() == null ? 10 : query.limit(),
                Boolean.TRUE.equals(query.availableOnly()), Set.of()));
    }

    @GetMapping("/api/engineers/suggest")
    List<Suggestion> suggest(@RequestParam @NotBlank @Size(max = 100) String prefix,
            @RequestParam(defaultValue = "8") @Min(1) @Max(50) int limit) {
        return finder.suggest(prefix, limit);
    }

    @ExceptionHandler(InvalidSearchException.class)
    ProblemDetail invalidSearch(InvalidSearchException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid search");
        problem.setProperty("errors", List.of(new InvalidInputException.FieldError("q", e.getMessage())));
        return problem;
    }

    private static GeoPoint parseNear(String near) {
        if (near == null || near.isBlank()) {
            return null;
        }
        String[] parts = near.split(",");
        try {
            if (parts.length == 2) {
                double lat = Double.parseDouble(parts[0].trim());
                double lon = Double.parseDouble(parts[1].trim());
                if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
                    return new GeoPoint(lat, lon);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidInputException.field("near", "must be 'lat,lon' with lat in [-90, 90] and lon in [-180, 180]");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    record RecommendQuery(@Size(max = 64) String systemId, @NotBlank @Size(max = 500) String title,
            @Size(max = 20000) String description, @Min(1) @Max(100) Integer limit, Boolean availableOnly) {
    }

    record Hit(EngineerView engineer, float score, Map<String, List<String>> highlights, List<String> reasons,
            Double distanceKm) {
    }

    record SearchPage(long total, List<Hit> hits, Map<String, Map<String, Long>> facets) {
    }
}
