/** Bulk NDJSON import of customers, systems, engineers and resolved history; a bad line is rejected alone. */
package io.switchboard.imports;
