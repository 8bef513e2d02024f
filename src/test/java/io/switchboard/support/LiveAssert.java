package io.switchboard.support;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

public final class LiveAssert {
    private LiveAssert() {
    }

    /** Waits for INCIDENT_UPDATED with this status for this incident, skipping other messages. */
    public static JsonNode awaitStatus(BlockingQueue<JsonNode> queue, String incidentId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            var message = queue.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && "INCIDENT_UPDATED".equals(message.path("type").asString())
                    && incidentId.equals(message.path("incidentId").asString())
                    && status.equals(message.path("status").asString())) {
                return message;
            }
        }
        throw new AssertionError("no INCIDENT_UPDATED " + status + " for " + incidentId);
    }
}
