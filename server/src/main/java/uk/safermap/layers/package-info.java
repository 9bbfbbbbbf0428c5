/** The collections published through OGC API - Features, as sources of features; no HTTP types here. */
package uk.safermap.layers;
