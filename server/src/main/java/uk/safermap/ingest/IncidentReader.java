package uk.safermap.ingest;

import java.io.InputStream;
import java.util.function.Consumer;

/** Streams the rows of one input format, one at a time, so files of any size use constant memory. */
interface IncidentReader {

    /**
     * Reads every row and hands it to the sink; rows the reader itself cannot use (wrong
     * geometry type, say) go to {@code rejected}.
     *
     * @throws FormatException when the input is not this format at all
     */
    void read(InputStream in, Consumer<RawRow> sink, Consumer<Rejection> rejected);
}
