/** Coordinate reference systems and the service area: WGS 84 lon/lat to and from British National Grid metres (proj4j). */
package uk.safermap.geo;
