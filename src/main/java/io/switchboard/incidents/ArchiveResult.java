package io.switchboard.incidents;

import java.util.Map;

/** What an import batch of history did: how many were stored, and why each rejected one was not (by position). */
public record ArchiveResult(int stored, Map<Integer, String> rejected) {
}
