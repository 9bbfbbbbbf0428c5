package uk.safermap.sample;

import uk.safermap.domain.Category;

import java.util.List;

import static uk.safermap.domain.Category.ANTI_SOCIAL_BEHAVIOUR;
import static uk.safermap.domain.Category.BICYCLE_THEFT;
import static uk.safermap.domain.Category.BURGLARY;
import static uk.safermap.domain.Category.CRIMINAL_DAMAGE_ARSON;
import static uk.safermap.domain.Category.OTHER_THEFT;
import static uk.safermap.domain.Category.PUBLIC_ORDER;
import static uk.safermap.domain.Category.SHOPLIFTING;
import static uk.safermap.domain.Category.VEHICLE_CRIME;
import static uk.safermap.domain.Category.VIOLENT_CRIME;

/**
 * The fixed geography of the Melton sample: which wards are the town, where its centre and station
 * are, how rows split between town, villages and planted hot spots, and the hot spots themselves.
 * Distances are metres on the British National Grid. The hot spots are synthetic; real Melton data
 * has no such planted pattern.
 */
final class MeltonScenario {

    /** The six wards of Melton Mowbray town (2013 wards); the other ten are rural. */
    static final List<String> TOWN_WARDS = List.of(
            "Melton Craven", "Melton Dorian", "Melton Egerton", "Melton Newport", "Melton Sysonby", "Melton Warwick");

    static final double MARKET_PLACE_LON = -0.8870;
    static final double MARKET_PLACE_LAT = 52.7656;
    static final double STATION_LON = -0.8862;
    static final double STATION_LAT = 52.7608;

    /** Shares of all rows; the planted hot spots take the rest. */
    static final double TOWN_SHARE = 0.45;
    static final double VILLAGE_SHARE = 0.15;

    /**
     * Town background: this fraction is uniform over the town wards, the rest a Gaussian of
     * {@link #TOWN_CORE_SIGMA_METRES} around Market Place, since crime thins out from the centre.
     */
    static final double TOWN_UNIFORM_FRACTION = 0.5;
    static final double TOWN_CORE_SIGMA_METRES = 700;
    static final double CENTRAL_STREETS_SIGMA_METRES = 250;
    /** Within this distance of Market Place, snap points may be nightclubs, shopping areas and the like. */
    static final double CENTRAL_RADIUS_METRES = 400;

    /** Rural rows: this fraction anywhere in the rural wards (lanes, farms), the rest around villages. */
    static final double RURAL_SCATTER_FRACTION = 0.15;
    static final double VILLAGE_SIGMA_METRES = 250;
    /** Villages per ward: one per this many square kilometres, at least one. */
    static final double KM2_PER_VILLAGE = 12;

    /**
     * Snap point budget. police.uk's master list has over 750,000 points for England and Wales, about one
     * per 80 residents, which would give Melton only 600 or so; these numbers give about 3,200, so that
     * rows still share coordinates as in real data but the sample keeps enough spatial detail for tests.
     */
    static final int TOWN_SNAP_POINTS = 1200;
    static final int RURAL_SCATTER_SNAP_POINTS = 150;
    static final int VILLAGE_SNAP_POINTS_BASE = 8;
    static final int VILLAGE_SNAP_POINTS_PER_WEIGHT = 16;
    /**
     * Hot spot lattice spacing as a fraction of sigma. Snapping then moves a row by a fraction of a sigma,
     * so the centre stays about as dense as planted; at half a sigma, lattice points sitting right at one
     * sigma visibly moved mass across that radius.
     */
    static final double LATTICE_SPACING_SIGMAS = 1.0 / 3;

    /** A hot spot to plant, before its centre is checked and converted to the grid. */
    record HotspotPlan(String name, double lon, double lat, double sigmaMetres, double share, String ward,
                       List<Category> categories) {
    }

    static final List<HotspotPlan> HOTSPOTS = List.of(
            new HotspotPlan("town-centre", MARKET_PLACE_LON, MARKET_PLACE_LAT, 60, 0.15, "Melton Craven",
                    List.of(SHOPLIFTING, VIOLENT_CRIME, PUBLIC_ORDER, ANTI_SOCIAL_BEHAVIOUR)),
            // On the small (residential) output areas of north-east Egerton, as a council estate would be.
            new HotspotPlan("fairmead", -0.8910, 52.7728, 80, 0.10, "Melton Egerton",
                    List.of(ANTI_SOCIAL_BEHAVIOUR, CRIMINAL_DAMAGE_ARSON, BURGLARY)),
            // About 750 m from fairmead, so the two Egerton hot spots stay separable.
            new HotspotPlan("egerton-shops", -0.9000, 52.7690, 50, 0.05, "Melton Egerton",
                    List.of(SHOPLIFTING, OTHER_THEFT, ANTI_SOCIAL_BEHAVIOUR)),
            new HotspotPlan("railway-station", STATION_LON, STATION_LAT, 50, 0.05, "Melton Warwick",
                    List.of(VEHICLE_CRIME, BICYCLE_THEFT, OTHER_THEFT)),
            // A village-centre hot spot (pub, shops), so methods are also tested away from the town.
            new HotspotPlan("asfordby", -0.9530, 52.7637, 70, 0.05, "Asfordby",
                    List.of(ANTI_SOCIAL_BEHAVIOUR, CRIMINAL_DAMAGE_ARSON, VIOLENT_CRIME)));

    private MeltonScenario() {
    }
}
