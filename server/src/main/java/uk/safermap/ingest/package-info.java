/** Reading incident files (police.uk CSV, council BNG CSV, GeoJSON) into the store, one transaction per file, with a report of every rejected row. */
package uk.safermap.ingest;
