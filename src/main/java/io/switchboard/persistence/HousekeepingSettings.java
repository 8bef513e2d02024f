package io.switchboard.persistence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How the database file is kept compact (see {@link DatabaseHousekeeping}).
 *
 * @param interval the pause between two rounds
 * @param targetFillRate a round rewrites while less than this share (percent) of the file's chunks is live data
 * @param writeLimit the most live data one round rewrites; commits wait while it runs
 */
@ConfigurationProperties("switchboard.database.housekeeping")
record HousekeepingSettings(Duration interval, int targetFillRate, DataSize writeLimit) {
}
