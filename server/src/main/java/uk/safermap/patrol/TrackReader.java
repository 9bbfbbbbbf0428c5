package uk.safermap.patrol;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.domain.TrackPoint;
import uk.safermap.patrol.risk.ShiftWindow;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads GPS tracks of patrol units: GPX 1.1 ({@code <trk><name>unit</name><trkseg><trkpt lat lon>
 * <time>}) with the JDK's StAX parser, DTDs and external entities off; or CSV with the header
 * {@code unit,time,lon,lat} (Apache Commons CSV). Times are ISO 8601 with an offset, or London
 * local time without one. Every error names the line, as an {@link IllegalArgumentException}.
 */
public final class TrackReader {

    /** The formats read. */
    public enum Format { GPX, CSV }

    private static final List<String> CSV_HEADER = List.of("unit", "time", "lon", "lat");

    private TrackReader() {
    }

    /**
     * @param defaultUnit the unit of a GPX track without a name
     */
    public static List<TrackPoint> read(Format format, InputStream in, String defaultUnit) {
        try {
            return format == Format.GPX ? gpx(in, defaultUnit) : csv(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a track upload", e);
        }
    }

    private static List<TrackPoint> gpx(InputStream in, String defaultUnit) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<TrackPoint> out = new ArrayList<>();
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in, StandardCharsets.UTF_8.name());
            String unit = defaultUnit;
            double[] at = null;
            int pointLine = 0;
            String parent = "";
            while (xml.hasNext()) {
                int event = xml.next();
                if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                int line = xml.getLocation().getLineNumber();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (name.equals("trkpt")) {
                        if (at != null) {
                            throw new InvalidInputException("GPX line " + pointLine + ": trkpt has no <time>");
                        }
                    } else if (name.equals("trk")) {
                        unit = defaultUnit;
                    }
                    continue;
                }
                switch (name) {
                    case "trk" -> parent = "trk";
                    case "trkseg", "metadata" -> parent = name;
                    case "name" -> {
                        if (parent.equals("trk")) {
                            unit = xml.getElementText().trim();
                        }
                    }
                    case "trkpt" -> {
                        at = new double[] {coordinate(xml.getAttributeValue(null, "lon"), "lon", 180,
                            "GPX line " + line), coordinate(xml.getAttributeValue(null, "lat"), "lat", 90,
                            "GPX line " + line)};
                        pointLine = line;
                    }
                    case "time" -> {
                        if (at != null) {
                            if (unit == null || unit.isBlank()) {
                                throw new InvalidInputException("GPX line " + line + ": the track has no <name> "
                                        + "and no unit was given");
                            }
                            out.add(new TrackPoint(unit, time(xml.getElementText().trim(), "GPX line " + line), at[0],
                                    at[1]));
                            at = null;
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new InvalidInputException("GPX line " + line + ": not well-formed XML ("
                    + e.getMessage().replaceAll("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "")
                    + ")", e);
        } finally {
            closeQuietly(xml);
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("the GPX has no track points (trk/trkseg/trkpt with a time)");
        }
        return out;
    }

    private static List<TrackPoint> csv(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        List<TrackPoint> out = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).build().parse(reader)) {
            if (!parser.getHeaderNames().equals(CSV_HEADER)) {
                throw new InvalidInputException("CSV line 1: the header must be unit,time,lon,lat, got "
                        + String.join(",", parser.getHeaderNames()));
            }
            for (CSVRecord r : parser) {
                // The header is line 1; empty lines are records too, so record n is line n + 1.
                long line = r.getRecordNumber() + 1;
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                if (r.size() != 4) {
                    throw new InvalidInputException("CSV line " + line + ": 4 fields expected, got " + r.size());
                }
                if (r.get(0).isBlank()) {
                    throw new InvalidInputException("CSV line " + line + ": the unit is empty");
                }
                out.add(new TrackPoint(r.get(0), time(r.get(1), "CSV line " + line),
                        coordinate(r.get(2), "lon", 180, "CSV line " + line),
                        coordinate(r.get(3), "lat", 90, "CSV line " + line)));
            }
        } catch (UncheckedIOException e) {
            throw new InvalidInputException("CSV: " + e.getCause().getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("the CSV has no track points");
        }
        return out;
    }

    private static double coordinate(String text, String name, double limit, String where) {
        try {
            double v = Double.parseDouble(text == null ? "" : text.trim());
            if (Math.abs(v) <= limit) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the line
        }
        throw new InvalidInputException(where + ": " + name + " must be a number within +-" + (int) limit
                + ", got '" + text + "'");
    }

    private static Instant time(String text, String where) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                return LocalDateTime.parse(text).atZone(ShiftWindow.LONDON).toInstant();
            } catch (DateTimeParseException local) {
                throw new InvalidInputException(where + ": time must be ISO 8601 such as 2026-06-12T18:05:00Z, got '"
                        + text + "'");
            }
        }
    }

    private static void closeQuietly(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing more to read
            }
        }
    }
}
