package io.switchboard.directory;

import java.util.List;

/** Engineers were created or their profile changed (one, or a batch from an import). */
public record EngineersChanged(List<String> engineerIds) {
}
