package uk.safermap.sample;

import uk.safermap.domain.Area;
import uk.safermap.geo.BritishNationalGrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Builds the seeded master list of snap points for the borough, imitating police.uk anonymisation:
 * dense in Melton Mowbray (denser towards Market Place), clustered in villages, sparse on rural
 * roads, plus a fine jittered lattice over each planted hot spot out to its truncation radius, so
 * that snapping cannot smear a hot spot's centre. Each point is named after the nearest street
 * "anchor" (so neighbouring points share a street name) or, now and then, a kind of place.
 *
 * <p>Only points clear of the borough and LSOA edges are kept ({@link StudyArea#lsoaForSnapPoint}).
 * Single use and not thread-safe: build once, then hand the list to a {@link SnapIndex}.
 */
final class SnapPoints {

    private static final double CENTRAL_PLACE_PROBABILITY = 0.2;
    private static final double TOWN_PLACE_PROBABILITY = 0.1;
    private static final double VILLAGE_PLACE_PROBABILITY = 0.06;
    private static final double VILLAGE_STREETS_SIGMA_METRES = 200;
    private static final int MIN_VILLAGE_STREETS = 4;
    private static final int MAX_VILLAGE_STREETS = 7;
    private static final double LATTICE_JITTER = 0.25;

    private enum Setting { TOWN, VILLAGE, RURAL_ROAD }

    private record Anchor(double easting, double northing, String street) {
    }

    private final StudyArea study;
    private final BritishNationalGrid grid;
    private final Region town;
    private final RandomGenerator rng;
    private final double centreEasting;
    private final double centreNorthing;
    private final List<Anchor> anchors = new ArrayList<>();
    private final List<SnapPoint> points = new ArrayList<>();
    private final double[] p = new double[2];

    private SnapPoints(StudyArea study, BritishNationalGrid grid, Region town, RandomGenerator rng) {
        this.study = study;
        this.grid = grid;
        this.town = town;
        this.rng = rng;
        double[] centre = grid.toGrid(MeltonScenario.MARKET_PLACE_LON, MeltonScenario.MARKET_PLACE_LAT);
        this.centreEasting = centre[0];
        this.centreNorthing = centre[1];
    }

    static List<SnapPoint> build(StudyArea study, BritishNationalGrid grid, Region town, Region rural,
                                 Villages villages, List<PlantedHotspot> hotspots, RandomGenerator rng) {
        SnapPoints b = new SnapPoints(study, grid, town, rng);
        b.placeAnchors(villages);
        b.addTownPoints();
        b.addVillagePoints(villages);
        b.addRuralRoadPoints(rural);
        hotspots.forEach(b::addLattice);
        return List.copyOf(b.points);
    }

    private void placeAnchors(Villages villages) {
        anchors.add(new Anchor(centreEasting, centreNorthing, PlaceNames.MARKET_PLACE));
        double[] station = grid.toGrid(MeltonScenario.STATION_LON, MeltonScenario.STATION_LAT);
        anchors.add(new Anchor(station[0], station[1], PlaceNames.STATION_APPROACH));
        for (String street : PlaceNames.CENTRAL_STREETS) {
            IncidentSource.truncatedGaussian(rng, centreEasting, centreNorthing,
                    MeltonScenario.CENTRAL_STREETS_SIGMA_METRES, PlantedHotspot.TRUNCATION_SIGMAS, p);
            anchors.add(new Anchor(p[0], p[1], street));
        }
        for (int copy = 0; copy < 2; copy++) {
            for (String street : PlaceNames.TOWN_STREETS) {
                town.sampleUniform(rng, p);
                anchors.add(new Anchor(p[0], p[1], street));
            }
        }
        for (Villages.Village v : villages.all()) {
            List<String> streets = new ArrayList<>(PlaceNames.VILLAGE_STREETS);
            int count = MIN_VILLAGE_STREETS + rng.nextInt(MAX_VILLAGE_STREETS - MIN_VILLAGE_STREETS + 1);
            for (int i = 0; i < count; i++) {
                String street = streets.remove(rng.nextInt(streets.size()));
                IncidentSource.truncatedGaussian(rng, v.easting(), v.northing(), VILLAGE_STREETS_SIGMA_METRES,
                        PlantedHotspot.TRUNCATION_SIGMAS, p);
                anchors.add(new Anchor(p[0], p[1], street));
            }
        }
    }

    /** Half uniform over the town wards, half around the centre, like the town background rows. */
    private void addTownPoints() {
        for (int i = 0; i < MeltonScenario.TOWN_SNAP_POINTS; i++) {
            if (i % 2 == 0) {
                town.sampleUniform(rng, p);
            } else {
                IncidentSource.truncatedGaussian(rng, centreEasting, centreNorthing,
                        MeltonScenario.TOWN_CORE_SIGMA_METRES, PlantedHotspot.TRUNCATION_SIGMAS, p);
            }
            add(p[0], p[1], settingAt(p[0], p[1]));
        }
    }

    private void addVillagePoints(Villages villages) {
        for (Villages.Village v : villages.all()) {
            long count = Math.round(MeltonScenario.VILLAGE_SNAP_POINTS_BASE
                    + MeltonScenario.VILLAGE_SNAP_POINTS_PER_WEIGHT * v.weight());
            // The centre itself first, so every village has at least one point.
            add(v.easting(), v.northing(), Setting.VILLAGE);
            for (int i = 1; i < count; i++) {
                IncidentSource.truncatedGaussian(rng, v.easting(), v.northing(), MeltonScenario.VILLAGE_SIGMA_METRES,
                        PlantedHotspot.TRUNCATION_SIGMAS, p);
                add(p[0], p[1], Setting.VILLAGE);
            }
        }
    }

    private void addRuralRoadPoints(Region rural) {
        for (int i = 0; i < MeltonScenario.RURAL_SCATTER_SNAP_POINTS; i++) {
            rural.sampleUniform(rng, p);
            add(p[0], p[1], Setting.RURAL_ROAD);
        }
    }

    private void addLattice(PlantedHotspot h) {
        double spacing = MeltonScenario.LATTICE_SPACING_SIGMAS * h.radiusMetres();
        double reach = h.truncationRadiusMetres();
        int steps = (int) Math.ceil(reach / spacing);
        for (int j = -steps; j <= steps; j++) {
            for (int i = -steps; i <= steps; i++) {
                double e = h.easting() + (i + LATTICE_JITTER * (2 * rng.nextDouble() - 1)) * spacing;
                double n = h.northing() + (j + LATTICE_JITTER * (2 * rng.nextDouble() - 1)) * spacing;
                if (h.distanceMetres(e, n) <= reach) {
                    add(e, n, settingAt(e, n));
                }
            }
        }
    }

    private Setting settingAt(double e, double n) {
        return town.contains(e, n) ? Setting.TOWN : Setting.VILLAGE;
    }

    private void add(double e, double n, Setting setting) {
        Optional<Area> lsoa = study.lsoaForSnapPoint(e, n);
        if (lsoa.isEmpty()) {
            return;
        }
        double[] lonLat = grid.toWgs84(e, n);
        points.add(new SnapPoint(e, n, sixDecimals(lonLat[0]), sixDecimals(lonLat[1]), name(e, n, setting),
                lsoa.get().code(), lsoa.get().name()));
    }

    private String name(double e, double n, Setting setting) {
        if (setting == Setting.RURAL_ROAD) {
            return PlaceNames.PREFIX + pick(PlaceNames.RURAL_ROADS);
        }
        boolean central = Math.hypot(e - centreEasting, n - centreNorthing) <= MeltonScenario.CENTRAL_RADIUS_METRES;
        double placeProbability = central ? CENTRAL_PLACE_PROBABILITY
                : setting == Setting.TOWN ? TOWN_PLACE_PROBABILITY : VILLAGE_PLACE_PROBABILITY;
        if (rng.nextDouble() < placeProbability) {
            List<String> places = central ? PlaceNames.CENTRAL_PLACES
                    : setting == Setting.TOWN ? PlaceNames.TOWN_PLACES : PlaceNames.VILLAGE_PLACES;
            return PlaceNames.PREFIX + pick(places);
        }
        return PlaceNames.PREFIX + nearestAnchor(e, n).street();
    }

    private Anchor nearestAnchor(double e, double n) {
        Anchor best = anchors.get(0);
        double bestSq = Double.POSITIVE_INFINITY;
        for (Anchor a : anchors) {
            double dSq = (a.easting() - e) * (a.easting() - e) + (a.northing() - n) * (a.northing() - n);
            if (dSq < bestSq) {
                bestSq = dSq;
                best = a;
            }
        }
        return best;
    }

    private String pick(List<String> names) {
        return names.get(rng.nextInt(names.size()));
    }

    private static String sixDecimals(double degrees) {
        return String.format(Locale.ROOT, "%.6f", degrees);
    }
}
