package uk.safermap.areas;

import org.junit.jupiter.api.Test;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.privacy.DisclosurePolicy;
import uk.safermap.store.PointSet;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GazetteerTest {

    private final BritishNationalGrid grid = new BritishNationalGrid();
    private final Gazetteer gazetteer = Gazetteer.melton(boundaries(), grid, StreetIndex::empty,
            DisclosurePolicy.standard());
    /** Market Place, Melton Mowbray, in grid metres. */
    private final double[] market = grid.toGrid(-0.8870, 52.7656);

    private static List<uk.safermap.domain.Area> boundaries() {
        BoundaryFiles files = new BoundaryFiles();
        List<uk.safermap.domain.Area> out = new java.util.ArrayList<>(files.read(BoundaryFiles.Layer.WARDS));
        out.addAll(files.read(BoundaryFiles.Layer.LSOA));
        return out;
    }

    @Test
    void search_finds_places_wards_lsoas_by_name_or_code_and_grid_references() {
        assertThat(search(gazetteer, "asfordby", 10)).extracting(Gazetteer.Match::kind, Gazetteer.Match::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("place", "Asfordby"),
                        org.assertj.core.groups.Tuple.tuple("ward", "Asfordby ward"));
        assertThat(search(gazetteer, "Egerton", 10)).extracting(Gazetteer.Match::name).containsExactly("Melton Egerton ward");
        assertThat(search(gazetteer, "E01025883", 10)).extracting(Gazetteer.Match::name)
                .containsExactly("Melton 003A (E01025883)");
        assertThat(search(gazetteer, "melton", 50)).hasSizeGreaterThan(30).first()
                .extracting(Gazetteer.Match::name).asString().startsWith("Melton");
        Gazetteer.Match ref = search(gazetteer, "sk 751 191", 10).get(0);
        assertThat(ref.kind()).isEqualTo("gridref");
        assertThat(ref.name()).isEqualTo("SK 751 191");
        assertThat(gazetteer.label(ref.lon(), ref.lat()).gridRef()).isEqualTo("SK 751 191");
        assertThat(search(gazetteer, "nowhere at all", 10)).isEmpty();
        assertThat(search(gazetteer, "melton", 3)).hasSize(3);
    }

    @Test
    void ships_the_33_geonames_places() {
        assertThat(gazetteer.places()).hasSize(33);
        assertThat(gazetteer.places()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("Melton Mowbray");
            assertThat(p.population()).isEqualTo(27_158);
        });
    }

    @Test
    void market_place_is_in_melton_mowbray_with_its_os_grid_reference() {
        Gazetteer.Label label = gazetteer.label(-0.8870, 52.7656);
        assertThat(label.place()).isEqualTo("Melton Mowbray");
        assertThat(label.ward()).startsWith("Melton ");
        // OS maps give Market Place, Melton Mowbray, as SK 751 191; the datum shift is good to ~3 m.
        assertThat(label.gridRef()).matches("SK 75[012] 19[012]");
        assertThat(label.street()).isNull();
        assertThat(label.text()).isEqualTo("Melton Mowbray (" + label.ward() + " ward) · " + label.gridRef());
    }

    @Test
    void open_country_is_named_by_distance_and_direction_from_the_nearest_place() {
        double[] asfordby = grid.toGrid(-0.95856, 52.76331);
        double[] ll = grid.toWgs84(asfordby[0] + 1414, asfordby[1] + 1414);
        Gazetteer.Label label = gazetteer.label(ll[0], ll[1]);
        assertThat(label.place()).isEqualTo("2.0 km NE of Asfordby");
        assertThat(label.ward()).isNotNull();
    }

    @Test
    void a_point_outside_every_ward_has_no_ward() {
        // Oakham, Rutland: a GeoNames place in the bounding box but outside Melton borough.
        Gazetteer.Label label = gazetteer.label(-0.7286, 52.6699);
        assertThat(label.place()).isEqualTo("Oakham");
        assertThat(label.ward()).isNull();
        assertThat(label.text()).isEqualTo("Oakham · " + label.gridRef());
    }

    @Test
    void a_town_is_not_outdrawn_by_a_nearer_small_place() throws Exception {
        var places = Gazetteer.parse(new StringReader("name\tlat\tlon\tpopulation\n"
                + "Town\t52.7659\t-0.8869\t27000\nHamlet\t52.7800\t-0.8869\t100\n"), grid);
        Gazetteer g = new Gazetteer(places, List.of(), grid, StreetIndex::empty, DisclosurePolicy.standard());
        // 1.2 km north of the town centre and 0.4 km south of the hamlet: still in the town.
        double[] town = grid.toGrid(-0.8869, 52.7659);
        double[] ll = grid.toWgs84(town[0], town[1] + 1200);
        assertThat(g.label(ll[0], ll[1]).place()).isEqualTo("Town");
    }

    @Test
    void a_point_is_named_by_the_nearest_police_uk_street_within_reach_and_never_by_a_kind_of_place() {
        // Snap points as the store holds them: police.uk's names, and import's labels of streetless ones.
        StreetIndex streets = StreetIndex.of(points(
                snap(20, 0, "On or near Burton Street"), snap(20, 0, "On or near Burton Street"),
                snap(5, 5, "On or near Supermarket"), snap(-10, 0, "Supermarket near Burton Street"),
                snap(-40, 0, "Near Sherrard Street"), snap(0, 400, "On or near Sherrard Street")));
        Gazetteer g = Gazetteer.melton(boundaries(), grid, () -> streets, DisclosurePolicy.standard());
        Gazetteer.Label here = label(g, 0, 0);
        assertThat(here.street()).isEqualTo("Burton Street");
        assertThat(here.at()).isEqualTo("Supermarket");
        assertThat(here.text()).isEqualTo("Supermarket near Burton Street, Melton Mowbray (" + here.ward() + " ward) · "
                + here.gridRef());
        // Beyond reach of Burton Street, Sherrard Street is nearest; only import's label names a street nearer.
        assertThat(label(g, 0, 270).street()).isEqualTo("Sherrard Street");
        assertThat(label(g, 0, 270).at()).isNull();
        assertThat(label(g, 0, 270).text()).startsWith("Sherrard Street, Melton Mowbray (");
        // Further off, near the street; beyond reach, place, ward and grid reference only.
        assertThat(label(g, 0, 400 + StreetIndex.ON_STREET_METRES + 10).text()).startsWith("Near Sherrard Street, ");
        Gazetteer.Label away = label(g, 0, 400 + StreetIndex.NEAR_METRES + 10);
        assertThat(away.street()).isNull();
        assertThat(away.text()).startsWith("Melton Mowbray (").doesNotContain("Street");
        assertThat(streets.streets()).extracting(StreetIndex.SnapPoint::name).containsOnly("Burton Street",
                "Sherrard Street");
        // At a kind of place, its street is named as import labels such snap points.
        StreetIndex park = StreetIndex.of(points(snap(0, 0, "On or near Sports/Recreation Area"),
                snap(300, 0, "On or near Copley Close"), snap(0, 200, "On or near Spinney Close")));
        Gazetteer withPark = Gazetteer.melton(boundaries(), grid, () -> park, DisclosurePolicy.standard());
        assertThat(label(withPark, 0, 0).shortName()).isEqualTo("Sports/Recreation Area near Spinney Close");
        assertThat(label(withPark, 0, -StreetIndex.FACILITY_METRES - 10).shortName()).isEqualTo("Near Spinney Close");
    }

    @Test
    void a_street_is_found_with_its_place_and_by_aggregate_roles_only_where_its_rounded_count_is_shown() {
        StreetIndex streets = StreetIndex.of(points(snap(0, 0, "On or near Burton Street"),
                snap(0, 0, "On or near Burton Street"), snap(0, 0, "On or near Burton Street"),
                snap(0, 300, "On or near Burton Street"), snap(0, 600, "On or near Sherrard Street")));
        Gazetteer g = Gazetteer.melton(boundaries(), grid, () -> streets, DisclosurePolicy.standard());
        List<Gazetteer.Match> found = g.search("burton", 10, false);
        assertThat(found).extracting(Gazetteer.Match::kind, Gazetteer.Match::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("street", "Burton Street, Melton Mowbray"));
        assertThat(g.label(found.get(0).lon(), found.get(0).lat()).street()).isEqualTo("Burton Street");
        assertThat(g.search("sherrard", 10, false)).hasSize(1);
        // Three incidents round to 5 and are shown; one rounds to 0, so a councillor cannot find it.
        assertThat(g.search("burton", 10, true)).hasSize(1);
        assertThat(g.search("sherrard", 10, true)).isEmpty();
    }

    private Gazetteer.Label label(Gazetteer g, double dx, double dy) {
        double[] ll = grid.toWgs84(market[0] + dx, market[1] + dy);
        return g.label(ll[0], ll[1]);
    }

    private record Snap(double dx, double dy, String location) {
    }

    private static Snap snap(double dx, double dy, String location) {
        return new Snap(dx, dy, location);
    }

    private PointSet points(Snap... snaps) {
        int n = snaps.length;
        double[] e = new double[n];
        double[] no = new double[n];
        String[] loc = new String[n];
        for (int i = 0; i < n; i++) {
            e[i] = market[0] + snaps[i].dx();
            no[i] = market[1] + snaps[i].dy();
            loc[i] = snaps[i].location();
        }
        return new PointSet(new long[n], e, no, new int[n], new int[n], new int[n], new byte[n], new boolean[n], loc);
    }

    private static List<Gazetteer.Match> search(Gazetteer g, String q, int limit) {
        return g.search(q, limit, false);
    }
}
