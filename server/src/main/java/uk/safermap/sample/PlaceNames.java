package uk.safermap.sample;

import java.util.List;

/**
 * The "Location" texts of generated rows. police.uk labels each snap point "On or near" a street or a
 * kind of place; these lists imitate that.
 *
 * <p>SYNTHETIC: the street names are plausible for Melton Mowbray and its villages, but they are placed
 * at random (a name's snap points sit around a seeded anchor, not on the street of that name). They are
 * not a gazetteer and must not be read as where any street is.
 */
final class PlaceNames {

    static final String PREFIX = "On or near ";

    /** Streets of the town centre, placed within a few hundred metres of Market Place. */
    static final List<String> CENTRAL_STREETS = List.of(
            "Nottingham Street", "Sherrard Street", "King Street", "High Street", "Burton Street",
            "Leicester Street", "Windsor Street", "Church Street", "Norman Way", "Chapel Street",
            "Mill Street", "Park Road", "Wilton Road", "Thorpe End", "Bentley Street", "Scalford Road");

    /** Streets elsewhere in Melton Mowbray; each is placed twice, since long roads cross several snap areas. */
    static final List<String> TOWN_STREETS = List.of(
            "Thorpe Road", "Asfordby Road", "Snow Hill", "Dalby Road", "Kirby Lane", "Wyndham Avenue",
            "Warwick Road", "Craven Street", "Egerton Road", "Nottingham Road", "Leicester Road", "Saxby Road",
            "Melton Spinney Road", "Welby Lane", "Sandy Lane", "Ankle Hill", "Burton Road", "Hamilton Drive",
            "Brampton Road", "Grange Drive", "Kestrel Road", "Wycliffe Avenue", "Tennyson Way", "Coronation Avenue",
            "Sysonby Street", "Pate Road", "Cranmere Road", "Princess Drive", "Main Road", "Jubilee Way",
            "Dorian Road", "Lake Terrace", "Fairmead Close", "Doctor Lane", "St Bartholomews Way");

    /** Street names common to English villages; every village gets a few. */
    static final List<String> VILLAGE_STREETS = List.of(
            "Main Street", "Church Lane", "The Green", "Back Lane", "Hall Lane", "School Lane", "Mill Lane",
            "Chapel Lane", "Station Road", "Melton Road", "Top Street", "Brook Lane", "The Square", "Manor Road",
            "Nether Street", "Church Street", "Pinfold Lane", "Orchard Close");

    /** Roads between villages, for isolated rural snap points. */
    static final List<String> RURAL_ROADS = List.of(
            "Melton Road", "Nottingham Road", "Grantham Road", "Leicester Road", "Oakham Road", "Saltby Road",
            "Waltham Road", "Somerby Road", "Burrough Road", "Ashby Road", "Long Lane", "Sewstern Lane");

    /** Fixed anchors: the town centre and the railway station. */
    static final String MARKET_PLACE = "Market Place";
    static final String STATION_APPROACH = "Station Approach";

    /** Kinds of place police.uk uses instead of a street, by setting. */
    static final List<String> CENTRAL_PLACES = List.of(
            "Shopping Area", "Nightclub", "Parking Area", "Supermarket", "Theatre/Concert Hall", "Bus/Coach Station");
    static final List<String> TOWN_PLACES = List.of(
            "Parking Area", "Supermarket", "Petrol Station", "Sports/Recreation Area", "Park/Open Space",
            "Further/Higher Educational Building", "Shopping Area");
    static final List<String> VILLAGE_PLACES = List.of(
            "Parking Area", "Petrol Station", "Sports/Recreation Area", "Park/Open Space");

    private PlaceNames() {
    }
}
