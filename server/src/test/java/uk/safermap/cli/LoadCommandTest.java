package uk.safermap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LoadCommandTest {

    @TempDir
    Path dir;

    private String guess(String name, String header) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, header + "\n");
        return LoadCommand.guessFormat(file);
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
