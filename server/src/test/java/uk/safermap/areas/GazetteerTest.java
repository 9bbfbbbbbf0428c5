package uk.safermap.areas;

import org.junit.jupiter.api.Test;
import uk.safermap.geo.BritishNationalGrid;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GazetteerTest {

    private final BritishNationalGrid grid = new BritishNationalGrid();
    private final Gazetteer gazetteer = Gazetteer.melton(boundaries(), grid);

    private static List<uk.safermap.domain.Area> boundaries() {
        BoundaryFiles files = new BoundaryFiles();
        List<uk.safermap.domain.Area> out = new java.util.ArrayList<>(files.read(BoundaryFiles.Layer.WARDS));
        out.addAll(files.read(BoundaryFiles.Layer.LSOA));
        return out;
    }

    @Test
    void search_finds_places_wards_lsoas_by_name_or_code_and_grid_references() {
        assertThat(gazetteer.search("asfordby", 10)).extracting(Gazetteer.Match::kind, Gazetteer.Match::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("place", "Asfordby"),
                        org.assertj.core.groups.Tuple.tuple("ward", "Asfordby ward"));
        assertThat(gazetteer.search("Egerton", 10)).extracting(Gazetteer.Match::name).containsExactly("Melton Egerton ward");
        assertThat(gazetteer.search("E01025883", 10)).extracting(Gazetteer.Match::name)
                .containsExactly("Melton 003A (E01025883)");
        assertThat(gazetteer.search("melton", 50)).hasSizeGreaterThan(30).first()
                .extracting(Gazetteer.Match::name).asString().startsWith("Melton");
        Gazetteer.Match ref = gazetteer.search("sk 751 191", 10).get(0);
        assertThat(ref.kind()).isEqualTo("gridref");
        assertThat(ref.name()).isEqualTo("SK 751 191");
        assertThat(gazetteer.label(ref.lon(), ref.lat()).gridRef()).isEqualTo("SK 751 191");
        assertThat(gazetteer.search("nowhere at all", 10)).isEmpty();
        assertThat(gazetteer.search("melton", 3)).hasSize(3);
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
        assertThat(label.text()).isEqualTo("Melton Mowbray, " + label.ward() + " ward (" + label.gridRef() + ")");
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
        assertThat(label.text()).isEqualTo("Oakham (" + label.gridRef() + ")");
    }

    @Test
    void a_town_is_not_outdrawn_by_a_nearer_small_place() throws Exception {
        var places = Gazetteer.parse(new StringReader("name\tlat\tlon\tpopulation\n"
                + "Town\t52.7659\t-0.8869\t27000\nHamlet\t52.7800\t-0.8869\t100\n"), grid);
        Gazetteer g = new Gazetteer(places, List.of(), grid);
        // 1.2 km north of the town centre and 0.4 km south of the hamlet: still in the town.
        double[] town = grid.toGrid(-0.8869, 52.7659);
        double[] ll = grid.toWgs84(town[0], town[1] + 1200);
        assertThat(g.label(ll[0], ll[1]).place()).isEqualTo("Town");
    }
}
