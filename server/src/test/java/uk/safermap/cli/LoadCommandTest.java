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

    private String guess(String name, String header) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, header + "\n");
        return LoadCommand.guessFormat(file);
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

    @Test
    void stats19_files_in_every_naming_are_recognised_by_their_index_column() throws IOException {
        assertThat(guess("dft-2024.csv", "collision_index,collision_year,collision_ref_no")).isEqualTo("stats19");
        assertThat(guess("dft-2023.csv", "accident_index,accident_year,accident_reference")).isEqualTo("stats19");
        assertThat(guess("Accidents0515.csv", "\uFEFFAccident_Index,Location_Easting_OSGR")).isEqualTo("stats19");
        assertThat(guess("police.csv", "Crime ID,Month,Reported by")).isEqualTo("police-csv");
        assertThat(guess("council.csv", "reference,date,category,easting,northing")).isEqualTo("council-csv");
    }
}
