package uk.safermap.store.jdbc;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGStatement;
import uk.safermap.store.StoreBusyException;
import uk.safermap.store.StoreException;
import uk.safermap.store.StoreRefusedTextException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.LocalDateTime;
import java.util.Collections;

/** Small JDBC helpers shared by the stores: transactions, geometry as WKB, placeholders. */
final class Jdbc {

    private static final String QUERY_CANCELLED = "57014";
    /** PostgreSQL's character_not_in_repertoire: a NUL (0x00) in a text value. */
    private static final String REFUSED_TEXT = "22021";

    private Jdbc() {
    }

    /** Work that needs a connection and may throw SQLException. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    /** Runs work in one transaction: commit on success, roll back on any failure. */
    static <T> T inTransaction(DataSource ds, String what, SqlWork<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs read-only work on a pooled connection. */
    static <T> T read(DataSource ds, String what, SqlWork<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * The store failure for an SQL error: refused text (a NUL in a PostgreSQL text value, SQLSTATE
     * 22021, {@link #REFUSED_TEXT}); "busy" when no pooled connection came free in time
     * (HikariCP's {@link SQLTransientConnectionException}) or the statement timeout cancelled
     * the query (SQLSTATE 57014 on PostgreSQL and H2), since repeating the request later may work.
     */
    static StoreException failure(String what, SQLException e) {
        boolean busy = e instanceof SQLTransientConnectionException || e instanceof SQLTimeoutException
                || QUERY_CANCELLED.equals(e.getSQLState());
        if (busy) {
            return new StoreBusyException(what, e);
        }
        return REFUSED_TEXT.equals(e.getSQLState()) ? new StoreRefusedTextException(what, e) : new StoreException(what, e);
    }

    static byte[] wkb(Geometry g) {
        return new WKBWriter(2).write(g);
    }

    static Geometry geometry(byte[] wkb, int srid) throws SQLException {
        try {
            Geometry g = new WKBReader().read(wkb);
            g.setSRID(srid);
            return g;
        } catch (ParseException e) {
            throw new SQLException("unreadable geometry from store: " + e.getMessage(), e);
        }
    }

    /**
     * Asks PostgreSQL to send this statement's rows in binary: the driver then reads numbers and
     * timestamps without parsing their text, which was a third of the Java time of a whole-table
     * read. pgjdbc sends binary only for server-prepared statements, which it makes on a
     * statement's fifth run unless told at once (a threshold of -1). H2 has no such choice.
     */
    static void binaryRows(PreparedStatement ps) throws SQLException {
        if (ps.isWrapperFor(PGStatement.class)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    }

    /** "?, ?, ?" for n bind parameters; n comes from our own collections, never user text. */
    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    static LocalDateTime dateTime(java.sql.Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime();
    }

    static void setNullableString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null || value.isEmpty()) {
            ps.setNull(index, java.sql.Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
