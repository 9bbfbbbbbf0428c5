package uk.safermap.sample;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import uk.safermap.domain.Area;
import uk.safermap.domain.Category;
import uk.safermap.geo.BritishNationalGrid;

import java.io.IOException;
import java.io.Writer;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes a synthetic data.police.uk street-level CSV for Melton borough (Leicestershire), with planted
 * hot spots, for tests and demos. Nothing in it is real.
 *
 * <p>Method: each month gets {@link SampleSpec#rowsPerMonth()} rows, or a seasonal Poisson draw around
 * {@value SampleSpec#MEAN_ROWS_PER_MONTH}. Each row picks a source: the Melton Mowbray background (45% of
 * rows, half uniform over the six town wards, half a 700 m Gaussian around Market Place), the ten rural
 * wards (15%, mostly around seeded village centres), or one of the {@link #hotspots() planted hot spots}
 * (the other 40%; each an isotropic Gaussian whose sigma is its {@code radiusMetres}, truncated at 2.5
 * sigma). Positions are drawn in British National Grid metres, then moved to the nearest of about 3,200
 * seeded snap points, as police.uk anonymisation does, so many rows share coordinates. Snap points sit
 * inside the borough and carry the LSOA that contains them. Categories follow a market-town mix, with
 * each hot spot focused on its dominant categories and the background compensating, so the
 * borough-wide mix stays on target. ASB rows have no Crime ID and no outcome; crimes have a random
 * 64-hex Crime ID and a plausible outcome (mostly "Under investigation" in the newest months).
 *
 * <p>Deterministic: the same {@link SampleSpec} gives byte-identical output (every draw comes from a
 * {@link SplittableRandom} seeded by the spec; never the clock). Streaming: {@link #write} holds only
 * counters, so a million rows take no more memory than a hundred.
 *
 * <p>Thread-safety: immutable once constructed (the snap points and regions are read-only); each
 * {@link #write} call keeps its own state, so concurrent calls with different writers are safe.
 */
public final class SampleGenerator {

    /** The data.police.uk street-level CSV header, in order. */
    public static final List<String> HEADER = List.of("Crime ID", "Month", "Reported by", "Falls within",
            "Longitude", "Latitude", "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category",
            "Context");
    /** The force that records Melton's crime, in both "Reported by" and "Falls within". */
    public static final String FORCE = "Leicestershire Police";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(HEADER.toArray(String[]::new))
            .setRecordSeparator("\n")
            .build();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Independent random streams, so that e.g. changing the volume does not move the snap points. */
    private static final int WORLD_STREAM = 0;
    private static final int VOLUME_STREAM = 1;
    private static final int ROW_STREAM = 2;
    private static final int ID_STREAM = 3;

    private final SampleSpec spec;
    private final List<PlantedHotspot> hotspots;
    private final List<IncidentSource> sources;
    private final double[] cumulativeShares;
    private final SnapIndex snaps;
    private final Outcomes outcomes = new Outcomes();

    /**
     * Builds the snap points and sources for the borough.
     *
     * @param wards the borough's wards in lon/lat; must include the six Melton Mowbray town wards and Asfordby
     * @param lsoas the borough's LSOAs in lon/lat; they label every row
     * @throws IllegalStateException if a planted hot spot's centre is not inside its intended ward
     */
    public SampleGenerator(List<Area> wards, List<Area> lsoas, BritishNationalGrid grid, SampleSpec spec) {
        Objects.requireNonNull(wards, "wards");
        Objects.requireNonNull(lsoas, "lsoas");
        Objects.requireNonNull(grid, "grid");
        this.spec = Objects.requireNonNull(spec, "spec");
        StudyArea study = new StudyArea(wards, lsoas, grid);
        this.hotspots = plant(study, grid);
        SplittableRandom world = stream(spec.seed(), WORLD_STREAM);
        Region town = study.wards("Melton Mowbray", MeltonScenario.TOWN_WARDS);
        Region rural = study.wardsExcept("rural Melton", MeltonScenario.TOWN_WARDS);
        List<String> ruralWards = wards.stream().map(Area::name)
                .filter(n -> !MeltonScenario.TOWN_WARDS.contains(n)).toList();
        Villages villages = Villages.scatter(study, ruralWards, world);
        this.snaps = new SnapIndex(SnapPoints.build(study, grid, town, rural, villages, hotspots, world));
        this.sources = sources(town, rural, villages, grid);
        this.cumulativeShares = new double[sources.size()];
        double sum = 0;
        for (int i = 0; i < sources.size(); i++) {
            sum += sources.get(i).share();
            cumulativeShares[i] = sum;
        }
    }

    public SampleSpec spec() {
        return spec;
    }

    /** The planted hot spots as planned (count 0); {@link GenerationResult#hotspots()} has the counts. */
    public List<PlantedHotspot> hotspots() {
        return hotspots;
    }

    /** How many snap points rows are moved to. */
    public int snapPointCount() {
        return snaps.size();
    }

    /**
     * Streams the CSV, header first, to {@code out}, which is flushed but not closed. Wrap files in a
     * {@link java.io.BufferedWriter}: rows are written field by field.
     */
    public GenerationResult write(Writer out) throws IOException {
        return new Run(Objects.requireNonNull(out, "out")).execute();
    }

    /** Checks each planned centre lies in its intended ward, fails fast if not, and converts it to the grid. */
    private static List<PlantedHotspot> plant(StudyArea study, BritishNationalGrid grid) {
        List<PlantedHotspot> planted = new ArrayList<>();
        for (MeltonScenario.HotspotPlan plan : MeltonScenario.HOTSPOTS) {
            Geometry ward = study.wardArea(plan.ward()).geometry();
            if (!ward.covers(ward.getFactory().createPoint(new Coordinate(plan.lon(), plan.lat())))) {
                throw new IllegalStateException("planted hot spot " + plan.name() + " at " + plan.lon() + ","
                        + plan.lat() + " is not inside ward " + plan.ward());
            }
            double[] en = grid.toGrid(plan.lon(), plan.lat());
            if (study.lsoaForSnapPoint(en[0], en[1]).isEmpty()) {
                throw new IllegalStateException("planted hot spot " + plan.name() + " at " + plan.lon() + ","
                        + plan.lat() + " is not clearly inside the borough and one LSOA");
            }
            planted.add(new PlantedHotspot(plan.name(), plan.lon(), plan.lat(), en[0], en[1], plan.sigmaMetres(),
                    plan.share(), plan.categories().stream().map(Category::slug).toList(), 0));
        }
        return List.copyOf(planted);
    }

    private List<IncidentSource> sources(Region town, Region rural, Villages villages, BritishNationalGrid grid) {
        List<IncidentSource> list = new ArrayList<>();
        List<CategoryMix.Part> hotspotParts = new ArrayList<>();
        List<IncidentSource> hotspotSources = new ArrayList<>();
        for (PlantedHotspot h : hotspots) {
            List<Category> dominant = h.categories().stream().map(s -> Category.fromSlug(s).orElseThrow()).toList();
            CategoryMix mix = CategoryMix.MARKET_TOWN.focusedOn(dominant);
            hotspotParts.add(new CategoryMix.Part(h.share(), mix));
            hotspotSources.add(new IncidentSource.Hotspot(h, mix));
        }
        double hotspotShare = hotspotParts.stream().mapToDouble(CategoryMix.Part::share).sum();
        double backgroundShare = MeltonScenario.TOWN_SHARE + MeltonScenario.VILLAGE_SHARE;
        if (Math.abs(hotspotShare + backgroundShare - 1) > 1e-9) {
            throw new IllegalStateException("source shares sum to " + (hotspotShare + backgroundShare) + ", not 1");
        }
        CategoryMix background = CategoryMix.MARKET_TOWN.remainderAfter(hotspotParts);
        double[] centre = grid.toGrid(MeltonScenario.MARKET_PLACE_LON, MeltonScenario.MARKET_PLACE_LAT);
        list.add(new IncidentSource.Town(MeltonScenario.TOWN_SHARE, background, town, centre[0], centre[1]));
        list.add(new IncidentSource.Rural(MeltonScenario.VILLAGE_SHARE, background, rural, villages));
        list.addAll(hotspotSources);
        return List.copyOf(list);
    }

    private static SplittableRandom stream(long seed, int index) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom s = root.split();
        for (int i = 0; i < index; i++) {
            s = root.split();
        }
        return s;
    }

    /** The state of one {@link #write} call. */
    private final class Run {
        private final Writer out;
        private final SplittableRandom volumeRng = stream(spec.seed(), VOLUME_STREAM);
        private final SplittableRandom rowRng = stream(spec.seed(), ROW_STREAM);
        /**
         * Crime IDs only. Successive nextLong() values of one SplittableRandom never repeat within 2^64
         * calls (its state steps by an odd gamma and the output mix is a bijection), so IDs, whose first
         * 16 hex digits are one such value, are unique without remembering them.
         */
        private final SplittableRandom idRng = stream(spec.seed(), ID_STREAM);
        private final long[] byCategory = new long[Category.values().length];
        private final long[] bySource = new long[sources.size()];
        private final Map<YearMonth, Long> byMonth = new TreeMap<>();
        private final double[] point = new double[2];
        private long rows;

        Run(Writer out) {
            this.out = out;
        }

        GenerationResult execute() throws IOException {
            CSVPrinter printer = new CSVPrinter(out, FORMAT);
            for (YearMonth month : spec.monthList()) {
                int count = MonthlyVolume.rows(spec, month, volumeRng);
                String monthText = month.toString();
                long age = ChronoUnit.MONTHS.between(month, spec.endMonth());
                for (int i = 0; i < count; i++) {
                    writeRow(printer, monthText, age);
                }
                byMonth.put(month, (long) count);
            }
            printer.flush();
            return result();
        }

        private void writeRow(CSVPrinter printer, String month, long age) throws IOException {
            int s = pickSource();
            IncidentSource source = sources.get(s);
            source.samplePoint(rowRng, point);
            SnapPoint snap = snaps.nearest(point[0], point[1]);
            Category category = source.mix().sample(rowRng);
            // null, not "": commons-csv quotes an empty first field ("") but writes null as nothing, as police.uk does.
            String crimeId = category == Category.ANTI_SOCIAL_BEHAVIOUR ? null : crimeId();
            printer.printRecord(crimeId, month, FORCE, FORCE, snap.lon(), snap.lat(), snap.location(),
                    snap.lsoaCode(), snap.lsoaName(), category.label(), outcomes.sample(category, age, rowRng), "");
            bySource[s]++;
            byCategory[category.ordinal()]++;
            rows++;
        }

        private int pickSource() {
            double u = rowRng.nextDouble() * cumulativeShares[cumulativeShares.length - 1];
            for (int i = 0; i < cumulativeShares.length - 1; i++) {
                if (u < cumulativeShares[i]) {
                    return i;
                }
            }
            return cumulativeShares.length - 1;
        }

        private String crimeId() {
            char[] id = new char[64];
            for (int word = 0; word < 4; word++) {
                long v = idRng.nextLong();
                for (int i = 15; i >= 0; i--) {
                    id[word * 16 + i] = HEX[(int) (v & 0xF)];
                    v >>>= 4;
                }
            }
            return new String(id);
        }

        private GenerationResult result() {
            Map<Category, Long> categories = new EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                categories.put(c, byCategory[c.ordinal()]);
            }
            List<PlantedHotspot> counted = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                if (sources.get(i) instanceof IncidentSource.Hotspot h) {
                    counted.add(h.spot().withCount(bySource[i]));
                }
            }
            return new GenerationResult(spec, rows, categories, counted, new TreeMap<>(byMonth));
        }
    }
}
