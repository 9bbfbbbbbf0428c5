/**
 * What councillors see: ward and LSOA figures from counts rounded at the finest cell
 * ({@link uk.safermap.councillor.RoundedCells}), class breaks for the choropleth and the printable
 * ward report. Every figure here is an aggregate; no incident leaves this package.
 */
package uk.safermap.councillor;
