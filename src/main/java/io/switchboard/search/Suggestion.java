package io.switchboard.search;

/** kind: ENGINEER, SKILL, SYSTEM; id is the engineer or system id (null for skills). */
public record Suggestion(String text, String kind, String id) {}
