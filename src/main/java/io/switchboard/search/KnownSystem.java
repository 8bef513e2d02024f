package io.switchboard.search;

/** A system an engineer declares knowledge of, with a level from 1 (novice) to 5 (expert). */
public record KnownSystem(String systemId, String systemName, String product, String version, String customerId,
        String siteLabel, int level) {}
