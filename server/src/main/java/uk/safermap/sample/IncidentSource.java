package uk.safermap.sample;

import java.util.random.RandomGenerator;

/**
 * Where a row's true position comes from, before snapping, and which categories it favours. The
 * implementations are immutable and thread-safe; the caller supplies the random generator.
 */
interface IncidentSource {

    /** The probability that a row comes from this source. */
    double share();

    CategoryMix mix();

    /** Writes a true position, {easting, northing} in grid metres, into {@code out}. */
    void samplePoint(RandomGenerator rng, double[] out);

    /** An isotropic Gaussian around a centre, redrawn beyond {@code maxSigmas} so no row lands absurdly far. */
    static void truncatedGaussian(RandomGenerator rng, double easting, double northing, double sigmaMetres,
                                  double maxSigmas, double[] out) {
        double dx;
        double dy;
        do {
            dx = rng.nextGaussian();
            dy = rng.nextGaussian();
        } while (dx * dx + dy * dy > maxSigmas * maxSigmas);
        out[0] = easting + sigmaMetres * dx;
        out[1] = northing + sigmaMetres * dy;
    }

    /** Melton Mowbray's background: part uniform over the town wards, part concentrated on the centre. */
    record Town(double share, CategoryMix mix, Region town, double centreEasting, double centreNorthing)
            implements IncidentSource {

        @Override
        public void samplePoint(RandomGenerator rng, double[] out) {
            if (rng.nextDouble() < MeltonScenario.TOWN_UNIFORM_FRACTION) {
                town.sampleUniform(rng, out);
                return;
            }
            do {
                truncatedGaussian(rng, centreEasting, centreNorthing, MeltonScenario.TOWN_CORE_SIGMA_METRES,
                        PlantedHotspot.TRUNCATION_SIGMAS, out);
            } while (!town.contains(out[0], out[1]));
        }
    }

    /** The rural wards: mostly around villages, some scattered along lanes and farms. */
    record Rural(double share, CategoryMix mix, Region rural, Villages villages) implements IncidentSource {

        @Override
        public void samplePoint(RandomGenerator rng, double[] out) {
            if (rng.nextDouble() < MeltonScenario.RURAL_SCATTER_FRACTION) {
                rural.sampleUniform(rng, out);
                return;
            }
            Villages.Village v = villages.pick(rng);
            truncatedGaussian(rng, v.easting(), v.northing(), MeltonScenario.VILLAGE_SIGMA_METRES,
                    PlantedHotspot.TRUNCATION_SIGMAS, out);
        }
    }

    /** A planted hot spot: a truncated Gaussian of sigma {@code radiusMetres}. */
    record Hotspot(PlantedHotspot spot, CategoryMix mix) implements IncidentSource {

        @Override
        public double share() {
            return spot.share();
        }

        @Override
        public void samplePoint(RandomGenerator rng, double[] out) {
            truncatedGaussian(rng, spot.easting(), spot.northing(), spot.radiusMetres(),
                    PlantedHotspot.TRUNCATION_SIGMAS, out);
        }
    }
}
