package uk.safermap.store.snapshot;

import uk.safermap.store.jdbc.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The snapshot contract against the embedded H2GIS database. */
class H2gisSnapshotTest extends SnapshotContract {

    private Path dir;

    @Override
    protected Database openDatabase() throws IOException {
        dir = Files.createTempDirectory("snapshot");
        return Database.openH2gis(dir, 4);
    }

    @Override
    protected void closeDatabase() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
