/** Finding engineers: dispatcher search and the expertise ranking routing uses; every Lucene class lives in internal/. */
package io.switchboard.search;
