/** Finds the right engineer: dispatcher search and expertise ranking over a Lucene index (internals in {@code internal}). */
package io.switchboard.search;
