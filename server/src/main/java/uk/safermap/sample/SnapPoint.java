package uk.safermap.sample;

/**
 * An anonymisation point, like one of police.uk's snap points: every row is moved to the nearest one.
 * The CSV fields are formatted once here, since a million rows share a few thousand points.
 *
 * @param easting   grid metres
 * @param northing  grid metres
 * @param lon       WGS 84 longitude, 6 decimals
 * @param lat       WGS 84 latitude, 6 decimals
 * @param location  e.g. "On or near Sherrard Street"
 * @param lsoaCode  the LSOA that contains the point, e.g. E01025897
 * @param lsoaName  e.g. "Melton 004B"
 */
record SnapPoint(double easting, double northing, String lon, String lat, String location,
                 String lsoaCode, String lsoaName) {
}
