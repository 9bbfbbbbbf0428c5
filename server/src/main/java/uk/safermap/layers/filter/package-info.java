/**
 * OGC API - Features Part 3 filters: CQL2 text parsed by an ANTLR grammar (src/main/antlr4) and
 * reduced to what the stores can filter on; no HTTP types here.
 */
package uk.safermap.layers.filter;
