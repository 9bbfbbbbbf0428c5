/** The JDBC store for PostGIS and H2GIS: one implementation, a {@link uk.safermap.store.jdbc.Dialect} for what differs, Flyway migrations per database. */
package uk.safermap.store.jdbc;
