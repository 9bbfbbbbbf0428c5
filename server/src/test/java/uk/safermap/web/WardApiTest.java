package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The ward choropleth and ward populations over real HTTP on the 24-month sample. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WardApiTest {

    @TempDir
    static Path dir;

    private App app;
    private ApiClient api;

    @BeforeAll
    void start() {
        app = App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR", dir.toString(),
                "SAFERMAP_SAMPLE", "generated", "SAFERMAP_SAMPLE_MONTHS", "24")).load());
        api = new ApiClient(app.port()).withToken(TestUsers.ANALYST);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void counts_are_rounded_to_five_small_ones_suppressed_and_classed() {
        ApiClient.Response r = api.get("/api/wards/choropleth?metric=count");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode features = r.json().get("features");
        assertThat(features).hasSize(16);
        int shown = 0;
        for (JsonNode f : features) {
            JsonNode p = f.get("properties");
            if (p.get("suppressed").asBoolean()) {
                assertThat(p.get("count").isNull()).isTrue();
                assertThat(p.get("value").isNull()).isTrue();
            } else {
                shown++;
                assertThat(p.get("count").asInt() % 5).isZero();
                assertThat(p.get("count").asInt()).isGreaterThanOrEqualTo(5);
                assertThat(p.get("class").asInt()).isBetween(0, 4);
            }
        }
        assertThat(shown).isGreaterThan(8);
        JsonNode breaks = r.json().get("breaks");
        for (int i = 1; i < breaks.size(); i++) {
            assertThat(breaks.get(i).asDouble()).isGreaterThan(breaks.get(i - 1).asDouble());
        }
        assertThat(r.json().at("/disclosure/roundingBase").asInt()).isEqualTo(5);
        assertThat(r.json().at("/period/from").asText()).isNotEmpty();
        // Natural breaks classify the same values differently but as completely.
        JsonNode jenks = api.get("/api/wards/choropleth?metric=count&classification=natural-breaks&classes=3").json();
        assertThat(jenks.get("breaks").size()).isLessThanOrEqualTo(3);
    }

    @Test
    void lsoa_counts_follow_the_same_rules_and_add_up_to_about_the_ward_total() {
        JsonNode lsoa = api.get("/api/wards/choropleth?level=lsoa").json();
        assertThat(lsoa.get("features")).hasSize(30);
        assertThat(lsoa.get("level").asText()).isEqualTo("lsoa");
        for (JsonNode f : lsoa.get("features")) {
            JsonNode count = f.at("/properties/count");
            assertThat(count.isNull() || (count.asInt() % 5 == 0 && count.asInt() >= 5)).isTrue();
        }
        assertThat(api.get("/api/wards/choropleth?level=lsoa&metric=rate").json().get("notes").toString())
                .contains("loaded per ward");
        assertThat(api.get("/api/wards/choropleth?level=oa").status()).isEqualTo(400);
    }

    @Test
    void two_new_incidents_change_no_answer_for_any_window_or_type() {
        // Two weapons incidents in one ward and month: every window over that month, before and
        // after the import, must read the same, so no pair of queries can be subtracted to find them.
        YearMonth month = YearMonth.parse(api.get("/api/wards/choropleth").json().at("/period/to").asText());
        List<String> queries = new ArrayList<>();
        for (int before = 0; before <= 2; before++) {
            for (String types : List.of("", "&types=possession-of-weapons", "&types=possession-of-weapons,drugs",
                    "&level=lsoa&types=possession-of-weapons")) {
                queries.add("/api/wards/choropleth?metric=count&from=" + month.minusMonths(before) + "&to=" + month
                        + types);
                queries.add("/api/wards/choropleth?metric=change&from=" + month + "&to=" + month + types);
            }
        }
        List<JsonNode> answers = queries.stream().map(q -> api.get(q).json().get("features")).toList();
        String day = month.atDay(10).toString();
        String csv = "Case Reference,Incident Date,Incident Time,Incident Type,Easting,Northing,Street,Sensitive\n"
                + "W-1," + day + ",22:00,Possession of weapons,475200,319100,Market Place,no\n"
                + "W-2," + day + ",23:00,Possession of weapons,475210,319110,Market Place,no\n";
        ApiClient.Response imported = api.post("/api/imports?format=council-csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        for (int i = 0; i < queries.size(); i++) {
            assertThat(api.get(queries.get(i)).json().get("features")).as(queries.get(i)).isEqualTo(answers.get(i));
        }
    }

    @Test
    void rates_need_populations_and_use_them_once_loaded() {
        JsonNode before = api.get("/api/wards/choropleth?metric=rate").json();
        assertThat(before.get("populationsLoaded").asBoolean()).isFalse();
        assertThat(before.get("notes").toString()).contains("no ward populations are loaded");
        for (JsonNode f : before.get("features")) {
            assertThat(f.at("/properties/value").isNull()).isTrue();
        }
        StringBuilder csv = new StringBuilder("code,population\n");
        List<String> codes = new ArrayList<>();
        before.get("features").forEach(f -> codes.add(f.at("/properties/code").asText()));
        for (String code : codes.subList(0, 15)) {
            csv.append(code).append(",4000\n");
        }
        ApiClient.Response put = api.put("/api/wards/populations", csv.toString());
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.json().get("missing").toString()).contains(codes.get(15));
        JsonNode after = api.get("/api/wards/choropleth?metric=rate").json();
        assertThat(after.get("notes").toString()).contains("no population loaded for");
        for (JsonNode f : after.get("features")) {
            JsonNode p = f.get("properties");
            if (!p.get("suppressed").asBoolean() && !p.get("population").isNull()) {
                assertThat(p.get("value").asDouble()).isCloseTo(1000.0 * p.get("count").asInt() / 4000, within(1e-9));
            }
        }
    }

    @Test
    void change_compares_with_the_same_months_a_year_earlier() {
        JsonNode r = api.get("/api/wards/choropleth?metric=change").json();
        YearMonth from = YearMonth.parse(r.at("/period/from").asText());
        assertThat(r.at("/previousPeriod/from").asText()).isEqualTo(from.minusYears(1).toString());
        for (JsonNode f : r.get("features")) {
            JsonNode p = f.get("properties");
            if (!p.get("value").isNull()) {
                assertThat(p.get("value").asDouble()).isCloseTo(100.0 * (p.get("count").asInt()
                        - p.get("previousCount").asInt()) / p.get("previousCount").asInt(), within(1e-9));
            }
        }
    }

    @Test
    void the_ward_report_is_a_printable_page_and_a_pdf_with_the_same_content() throws Exception {
        ApiClient.Response page = api.get("/api/reports/ward/E05005503");
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("Egerton", "Month by month", "What was recorded", "Fairmead estate",
                "compared with the same months a year earlier", "data:image/png;base64,", "/viewer/css/report.css");
        assertThat(page.text()).doesNotContain("<script", "style=");
        assertThat(page.text()).contains("<a href=\"/api/reports/ward/E05005503?format=pdf\">Download this report as a PDF");
        assertThat(api.get("/api/reports/ward/E05005503?from=2026-01&to=2026-06").text())
                .contains("href=\"/api/reports/ward/E05005503?from=2026-01&amp;to=2026-06&amp;format=pdf\"");

        byte[] pdf = api.getBytes("/api/reports/ward/E05005503?format=pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Egerton ward", "Summary", "Month by month", "Priority neighbourhoods",
                    "Fairmead estate", "rounded to the nearest 5");
            // The first page holds the summary and the map; the monthly table starts on the second.
            org.apache.pdfbox.text.PDFTextStripper first = new org.apache.pdfbox.text.PDFTextStripper();
            first.setStartPage(1);
            first.setEndPage(1);
            assertThat(first.getText(doc)).contains("Summary").doesNotContain("Month by month");
            assertThat(text).doesNotContain("Download this report");
            // No blank page: each holds text.
            for (int n = 1; n <= doc.getNumberOfPages(); n++) {
                org.apache.pdfbox.text.PDFTextStripper one = new org.apache.pdfbox.text.PDFTextStripper();
                one.setStartPage(n);
                one.setEndPage(n);
                assertThat(one.getText(doc).strip()).as("page %d of %d", n, doc.getNumberOfPages()).isNotEmpty();
            }
        }
        assertThat(api.get("/api/reports/ward/E00000000").status()).isEqualTo(404);
        assertThat(api.get("/api/reports/ward/E05005503?format=docx").status()).isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/wards/choropleth?metric=density|metric must be count, rate",
        "/api/wards/choropleth?classes=1|classes must be at least 2",
        "/api/wards/choropleth?from=2025-13|from must be a month",
        "/api/wards/choropleth?from=2025-06&to=2025-01|from must not be after to",
        "/api/wards/choropleth?from=2010-01&to=2025-01|at most 120 months",
        "/api/wards/choropleth?bbox=0,0,1,1|unknown query parameter 'bbox'",
        "/api/wards/choropleth?classification=equal|classification must be quantile or natural-breaks"})
    void bad_choropleth_queries_get_400(String path, String message) {
        ApiClient.Response r = api.get(path);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "code,pop\\nE05005503,10|header code,population",
        "code,population\\nE99999999,10|is not a ward of the borough",
        "code,population\\nE05005503,-1|must not be negative",
        "code,population\\nE05005503,many|not a whole number",
        "code,population\\nE05005503,1\\nE05005503,2|appears twice",
        "code,population\\n|no rows"})
    void bad_population_files_get_400_and_change_nothing(String body, String message) {
        Map<String, JsonNode> before = Map.of("p", api.get("/api/wards/populations").json());
        ApiClient.Response r = api.put("/api/wards/populations", body.replace("\\n", "\n"));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains(message);
        assertThat(api.get("/api/wards/populations").json()).isEqualTo(before.get("p"));
    }
}
