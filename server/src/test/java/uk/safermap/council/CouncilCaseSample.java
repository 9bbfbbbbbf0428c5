package uk.safermap.council;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a seeded council environmental case export (BNG, the council CSV columns) for Melton:
 * cases of every default type spread over the town, in the labels councils use ("Dumped rubbish",
 * "Dog mess", "Needles"), plus one planted fly-tipping hot spot that analysis must find.
 */
public final class CouncilCaseSample {

    public static final double HOTSPOT_EASTING = 474_300;
    public static final double HOTSPOT_NORTHING = 320_600;
    public static final int HOTSPOT_CASES = 25;

    /** Labels as exported, with the type each must map to under the default taxonomy. */
    public static final List<String[]> LABELS = List.of(
            new String[] {"Fly tipping", "fly-tipping"}, new String[] {"Dumped rubbish", "fly-tipping"},
            new String[] {"Dog mess", "dog-fouling"}, new String[] {"Dog Fouling", "dog-fouling"},
            new String[] {"Graffiti", "graffiti"}, new String[] {"Noise nuisance", "noise"},
            new String[] {"Abandoned car", "abandoned-vehicle"}, new String[] {"Litter", "littering"},
            new String[] {"Pavement parking", "parking"}, new String[] {"Needles", "drug-related-litter"});

    private CouncilCaseSample() {
    }

    /** {@code background} cases over the town plus the planted hot spot, in {@code year}. */
    public static String csv(long seed, int year, int background) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder("reference,date,time,case_type,easting,northing,location\n");
        int n = 0;
        for (int k = 0; k < HOTSPOT_CASES; k++) {
            double angle = random.nextDouble() * 2 * Math.PI;
            double r = 40 * Math.sqrt(random.nextDouble());
            line(out, random, ++n, year, k % 2 == 0 ? "Fly-tipping" : "Dumped rubbish",
                    HOTSPOT_EASTING + r * Math.cos(angle), HOTSPOT_NORTHING + r * Math.sin(angle));
        }
        for (int k = 0; k < background; k++) {
            String label = LABELS.get(random.nextInt(LABELS.size()))[0];
            line(out, random, ++n, year, label, 471_000 + random.nextDouble() * 8_000,
                    316_000 + random.nextDouble() * 8_000);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, Random random, int n, int year, String label, double e, double no) {
        out.append(String.format(Locale.ROOT, "ENV-%05d,%d-%02d-%02d,%02d:%02d,%s,%.0f,%.0f,Street %d%n", n, year,
                1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), label, e, no,
                random.nextInt(50)));
    }
}
