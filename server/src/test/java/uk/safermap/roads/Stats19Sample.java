package uk.safermap.roads;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes seeded synthetic STATS19 collision CSV for Melton in any of the three column namings:
 * background collisions spread over the middle of the borough (mostly slight) plus planted
 * clusters of killed-or-seriously-injured collisions on named roads, which KSI hot spot analysis
 * must find. Values follow the DfT codes (severity 1-3, road class 3 = A road, and so on).
 */
public final class Stats19Sample {

    /** A planted KSI cluster: this many KSI collisions within {@code radiusMetres} of the centre on one road. */
    public record PlantedCluster(String name, double easting, double northing, double radiusMetres, int ksi,
                                 int roadClass, int roadNumber) {
    }

    public enum Naming { CURRENT, INTERMEDIATE, OLD }

    /** Three KSI clusters on Melton's A roads: A607 at Thorpe Arnold, A606 south of town, A6006 west. */
    public static final List<PlantedCluster> CLUSTERS = List.of(
            new PlantedCluster("A607 Thorpe Arnold", 478600, 321400, 60, 9, 3, 607),
            new PlantedCluster("A606 Burton Lazars", 476200, 316900, 60, 8, 3, 606),
            new PlantedCluster("A6006 Asfordby", 470500, 319300, 60, 7, 3, 6006));

    static final String CURRENT_HEADER = "collision_index,collision_year,collision_ref_no,location_easting_osgr,"
            + "location_northing_osgr,longitude,latitude,police_force,collision_severity,number_of_vehicles,"
            + "number_of_casualties,date,day_of_week,time,local_authority_district,local_authority_ons_district,"
            + "local_authority_highway,local_authority_highway_current,first_road_class,first_road_number,road_type,"
            + "speed_limit,junction_detail_historic,junction_detail,junction_control,second_road_class,"
            + "second_road_number,pedestrian_crossing_human_control_historic,"
            + "pedestrian_crossing_physical_facilities_historic,pedestrian_crossing,light_conditions,"
            + "weather_conditions,road_surface_conditions,special_conditions_at_site,carriageway_hazards_historic,"
            + "carriageway_hazards,urban_or_rural_area,did_police_officer_attend_scene_of_accident,trunk_road_flag,"
            + "lsoa_of_accident_location,enhanced_severity_collision,collision_injury_based,"
            + "collision_adjusted_severity_serious,collision_adjusted_severity_slight";
    static final String INTERMEDIATE_HEADER = "accident_index,accident_year,accident_reference,location_easting_osgr,"
            + "location_northing_osgr,longitude,latitude,police_force,accident_severity,number_of_vehicles,"
            + "number_of_casualties,date,day_of_week,time,local_authority_district,local_authority_ons_district,"
            + "local_authority_highway,first_road_class,first_road_number,road_type,speed_limit,junction_detail,"
            + "junction_control,second_road_class,second_road_number,pedestrian_crossing_human_control,"
            + "pedestrian_crossing_physical_facilities,light_conditions,weather_conditions,road_surface_conditions,"
            + "special_conditions_at_site,carriageway_hazards,urban_or_rural_area,"
            + "did_police_officer_attend_scene_of_accident,trunk_road_flag,lsoa_of_accident_location";
    static final String OLD_HEADER = "Accident_Index,Location_Easting_OSGR,Location_Northing_OSGR,Longitude,Latitude,"
            + "Police_Force,Accident_Severity,Number_of_Vehicles,Number_of_Casualties,Date,Day_of_Week,Time,"
            + "Local_Authority_(District),Local_Authority_(Highway),1st_Road_Class,1st_Road_Number,Road_Type,"
            + "Speed_limit,Junction_Detail,Junction_Control,2nd_Road_Class,2nd_Road_Number,"
            + "Pedestrian_Crossing-Human_Control,Pedestrian_Crossing-Physical_Facilities,Light_Conditions,"
            + "Weather_Conditions,Road_Surface_Conditions,Special_Conditions_at_Site,Carriageway_Hazards,"
            + "Urban_or_Rural_Area,Did_Police_Officer_Attend_Scene_of_Accident,LSOA_of_Accident_Location";

    /** One generated collision, before it is written in a naming. */
    public record Row(String ref, int year, double easting, double northing, int severity, int vehicles,
                      int casualties, int day, int month, int hour, int minute, int roadClass, int roadNumber,
                      int speedLimit, int light, int weather) {
    }

    private Stats19Sample() {
    }

    /** {@code background} random collisions plus the planted clusters, all in {@code year}. */
    public static List<Row> rows(long seed, int year, int background) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (PlantedCluster c : CLUSTERS) {
            for (int k = 0; k < c.ksi(); k++) {
                double angle = random.nextDouble() * 2 * Math.PI;
                double r = c.radiusMetres() * Math.sqrt(random.nextDouble());
                int severity = k == 0 ? 1 : 2;
                rows.add(row(random, ++n, year, c.easting() + r * Math.cos(angle), c.northing() + r * Math.sin(angle),
                        severity, c.roadClass(), c.roadNumber()));
            }
        }
        for (int k = 0; k < background; k++) {
            // Background: the middle of the borough, a 12 km square around Melton Mowbray.
            double e = 471_000 + random.nextDouble() * 12_000;
            double no = 315_000 + random.nextDouble() * 12_000;
            double p = random.nextDouble();
            int severity = p < 0.01 ? 1 : p < 0.15 ? 2 : 3;
            int roadClass = 3 + random.nextInt(4);
            rows.add(row(random, ++n, year, e, no, severity, roadClass, roadClass <= 4 ? 600 + random.nextInt(90) : 0));
        }
        return rows;
    }

    private static Row row(Random random, int n, int year, double e, double no, int severity, int roadClass,
                           int roadNumber) {
        int hour = random.nextInt(24);
        return new Row(String.format(Locale.ROOT, "3323%05d", n), year, Math.round(e), Math.round(no), severity,
                1 + random.nextInt(3), 1 + random.nextInt(3), 1 + random.nextInt(28), 1 + random.nextInt(12), hour,
                random.nextInt(60), roadClass, roadNumber, roadClass == 3 ? 60 : 30, hour < 7 || hour > 19 ? 4 : 1,
                1 + random.nextInt(2));
    }

    /** The rows as a CSV file in one naming. */
    public static String csv(Naming naming, List<Row> rows) {
        StringBuilder out = new StringBuilder(header(naming)).append('\n');
        for (Row r : rows) {
            out.append(line(naming, r)).append('\n');
        }
        return out.toString();
    }

    public static String header(Naming naming) {
        return switch (naming) {
            case CURRENT -> CURRENT_HEADER;
            case INTERMEDIATE -> INTERMEDIATE_HEADER;
            case OLD -> OLD_HEADER;
        };
    }

    public static String line(Naming naming, Row r) {
        String date = String.format(Locale.ROOT, "%02d/%02d/%d", r.day(), r.month(), r.year());
        String time = String.format(Locale.ROOT, "%02d:%02d", r.hour(), r.minute());
        String en = (long) r.easting() + "," + (long) r.northing();
        // Longitude/latitude left out (blank): the importer must work from the grid references.
        String lonLat = ",";
        return switch (naming) {
            case CURRENT -> String.join(",", r.year() + r.ref(), "" + r.year(), r.ref(), en, lonLat, "33",
                    "" + r.severity(), "" + r.vehicles(), "" + r.casualties(), date, "2", time, "-1", "E07000133",
                    "E10000018", "E10000018", "" + r.roadClass(), "" + r.roadNumber(), "6", "" + r.speedLimit(),
                    "-1", "0", "-1", "0", "-1", "-1", "-1", "0", "" + r.light(), "" + r.weather(), "1", "0", "-1",
                    "0", "2", "1", "2", "E01025906", r.severity() == 2 ? "5" : "" + r.severity(), "1",
                    r.severity() == 2 ? "1" : "0", r.severity() == 3 ? "1" : "0");
            case INTERMEDIATE -> String.join(",", r.year() + r.ref(), "" + r.year(), r.ref(), en, lonLat, "33",
                    "" + r.severity(), "" + r.vehicles(), "" + r.casualties(), date, "2", time, "-1", "E07000133",
                    "E10000018", "" + r.roadClass(), "" + r.roadNumber(), "6", "" + r.speedLimit(), "0", "-1", "0",
                    "-1", "0", "0", "" + r.light(), "" + r.weather(), "1", "0", "0", "2", "1", "2", "E01025906");
            case OLD -> String.join(",", r.year() + "33" + r.ref().substring(4), en, lonLat, "33", "" + r.severity(),
                    "" + r.vehicles(), "" + r.casualties(), date, "2", time, "365", "E10000018", "" + r.roadClass(),
                    "" + r.roadNumber(), "6", "" + r.speedLimit(), "0", "-1", "-1", "-1", "0", "0", "" + r.light(),
                    "" + r.weather(), "1", "0", "0", "2", "1", "E01025906");
        };
    }
}
