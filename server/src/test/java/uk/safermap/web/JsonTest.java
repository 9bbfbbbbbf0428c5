package uk.safermap.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one mapper: JSON has no NaN, so undefined statistics are null; ground labels sit flat. */
class JsonTest {

    private final ObjectMapper mapper = Json.newObjectMapper();

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Stat(double z, Double p, double[][] table, @JsonUnwrapped GroundLabel ground) {
    }

    @Test
    void non_finite_doubles_are_null_in_records_boxes_and_tables() throws Exception {
        String json = mapper.writeValueAsString(new Stat(Double.NaN, Double.POSITIVE_INFINITY,
                new double[][]{{1.5, Double.NaN}, {Double.NEGATIVE_INFINITY, 0}}, null));
        assertThat(json).isEqualTo("{\"z\":null,\"p\":null,\"table\":[[1.5,null],[null,0.0]]}");
    }

    @Test
    void a_ground_label_is_written_flat_with_its_nulls() throws Exception {
        String json = mapper.writeValueAsString(new Stat(1.25, 0.5, new double[0][],
                new GroundLabel("Near Burton Street", null, "Melton Mowbray", null, "SK 752 190")));
        assertThat(json).isEqualTo("{\"z\":1.25,\"p\":0.5,\"table\":[],\"label\":\"Near Burton Street\","
                + "\"street\":null,\"place\":\"Melton Mowbray\",\"ward\":null,\"gridRef\":\"SK 752 190\"}");
    }
}
