package uk.safermap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code scripts/load} tells the format of a file it is given. */
class LoadCommandTest {

    @TempDir
    Path dir;

    private Path gzip(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void a_police_uk_zip_and_a_gzipped_police_csv_are_police_csv_and_a_gzipped_council_csv_is_council() throws IOException {
        assertThat(LoadCommand.guessFormat(Files.writeString(dir.resolve("2021-11.zip"), "PK"))).isEqualTo("police-csv");
        assertThat(LoadCommand.guessFormat(gzip("street.csv.gz", "Crime ID,Month,Longitude,Latitude,Crime type\n")))
                .isEqualTo("police-csv");
        assertThat(LoadCommand.guessFormat(gzip("cases.csv.gz", "reference,date,category,easting,northing\n")))
                .isEqualTo("council-csv");
        assertThat(LoadCommand.guessFormat(Files.writeString(dir.resolve("a.geojson"), "{}"))).isEqualTo("geojson");
    }
}
