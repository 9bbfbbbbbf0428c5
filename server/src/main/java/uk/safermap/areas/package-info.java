/** Boundary files and the priority neighbourhoods users edit. */
package uk.safermap.areas;
