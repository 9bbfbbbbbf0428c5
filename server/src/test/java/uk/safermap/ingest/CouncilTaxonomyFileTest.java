package uk.safermap.ingest;

import org.junit.jupiter.api.Test;
import uk.safermap.council.CouncilCaseSample;
import uk.safermap.domain.CaseType;
import uk.safermap.domain.CouncilTaxonomy;

import java.io.IOException;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CouncilTaxonomyFileTest {

    @Test
    void the_shipped_taxonomy_maps_council_wording_to_its_types() {
        CouncilTaxonomy t = CouncilTaxonomyFile.defaults();
        assertThat(t.types()).extracting(CaseType::slug).containsExactly("fly-tipping", "dog-fouling", "graffiti",
                "noise", "abandoned-vehicle", "littering", "parking", "drug-related-litter");
        for (String[] pair : CouncilCaseSample.LABELS) {
            assertThat(t.typeOf(pair[0]).map(CaseType::slug)).as(pair[0]).contains(pair[1]);
        }
        assertThat(t.typeOf("FLY-TIPPING")).isEqualTo(t.bySlug("fly-tipping"));
        assertThat(t.typeOf("Burglary")).isEmpty();
        assertThat(t.bySlug("fly-tipping").orElseThrow().colour()).matches("#[0-9a-f]{6}");
    }

    @Test
    void a_council_file_replaces_the_defaults_and_bad_files_name_the_line() throws IOException {
        CouncilTaxonomy own = CouncilTaxonomyFile.read(new StringReader("type,type_label,colour,labels\n"
                + "hedges,Overgrown hedges,#228833,overhanging hedge;hedge complaint\n"), "own.csv");
        assertThat(own.typeOf("Hedge complaint").map(CaseType::slug)).contains("hedges");
        assertThat(own.typeOf("Fly tipping")).isEmpty();
        assertThatThrownBy(() -> CouncilTaxonomyFile.read(new StringReader("type,type_label,colour,labels\n"
                + "Bad Slug,X,#000000,x\n"), "bad.csv")).hasMessageContaining("bad.csv line 2");
        assertThatThrownBy(() -> CouncilTaxonomyFile.read(new StringReader("type,type_label,colour,labels\n"
                + "a,A,#000000,same\nb,B,#000000,same\n"), "twice.csv")).hasMessageContaining("maps to both");
    }
}
