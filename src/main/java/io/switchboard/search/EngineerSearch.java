package io.switchboard.search;

/** A dispatcher's search; all fields optional except limit/offset (0 limit = default). */
public record EngineerSearch(String q, String systemId, String skill, String status, GeoPoint near, Double withinKm,
        boolean validCertificationOnly, int limit, int offset) {

    public static EngineerSearch of(String q) {
        return new EngineerSearch(q, null, null, null, null, null, false, 0, 0);
    }
}
