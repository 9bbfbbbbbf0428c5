package uk.safermap.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import uk.safermap.App;
import uk.safermap.config.ConfigLoader;
import uk.safermap.council.CouncilCaseSample;
import uk.safermap.roads.Stats19Sample;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official OGC executable test suite for OGC API - Features Part 1 (ETS 1.9) against the
 * running service, every collection (road collisions, speed concerns and council cases loaded
 * beside the sample incidents, so their items, extents and filters are tested too): no test may
 * fail. The suite sends no credentials, so it
 * talks to the service through a loopback proxy that adds an analyst's token.
 */
class OgcEtsIT {

    @TempDir
    Path dir;

    @Test
    void the_ogc_api_features_test_suite_reports_no_failure() throws Exception {
        Path jar = Path.of(tool("SAFERMAP_ETS_JAR"));
        try (App app = start(); TokenProxy proxy = new TokenProxy(app.port(), TestUsers.ANALYST)) {
            loadPointCollections(new ApiClient(app.port()).withToken(TestUsers.ANALYST));
            Path props = dir.resolve("props.xml");
            Files.writeString(props, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<properties version=\"1.0\">"
                    + "<entry key=\"iut\">http://127.0.0.1:" + proxy.port() + "</entry>"
                    + "<entry key=\"noofcollections\">-1</entry></properties>\n");
            Path out = dir.resolve("ets");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "-o", out.toString(),
                    props.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("ets.log").toFile()).start();
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("the test suite did not finish in 300 s").isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("ets.log"))).isZero();

            List<String> failed = new ArrayList<>();
            int passed = 0;
            for (Element m : testMethods(out)) {
                switch (m.getAttribute("status")) {
                    case "PASS" -> passed++;
                    case "FAIL" -> failed.add(m.getAttribute("name") + " " + parameters(m) + ": " + message(m));
                    default -> { }
                }
            }
            assertThat(failed).as("failed ETS tests").isEmpty();
            assertThat(passed).as("passed ETS tests").isGreaterThan(300);
            assertThat(proxy.requests()).as("requests through the proxy").isNotEmpty();
        }
    }

    private App start() {
        return App.start(ConfigLoader.ofValues(TestUsers.settings(dir, "SAFERMAP_DATA_DIR",
                dir.resolve("data").toString(), "SAFERMAP_SAMPLE_MONTHS", "6")).load());
    }

    private static void loadPointCollections(ApiClient analyst) {
        String speed = "reference,date,time,source,location,longitude,latitude,speed_limit,vehicles_checked\n"
                + "SC-1,2024-03-02,08:15,Resident complaint,Scalford Road,-0.8871,52.7765,30,\n"
                + "SC-2,2024-03-09,07:30,Community Speedwatch,Thorpe Road,-0.8702,52.7683,30,212\n";
        for (String[] file : List.of(
                new String[] {"stats19", Stats19Sample.csv(Stats19Sample.Naming.CURRENT, Stats19Sample.rows(11, 2024, 100))},
                new String[] {"council-cases", CouncilCaseSample.csv(3, 2024, 100)},
                new String[] {"speed-concerns", speed})) {
            ApiClient.Response r = analyst.post("/api/imports?format=" + file[0] + "&name=" + file[0] + ".csv",
                    file[1].getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            assertThat(r.json().get("imported").asInt()).as(r.text()).isPositive();
        }
    }

    private static String tool(String var) {
        String v = System.getenv(var);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(var + " is not set: run this test through ./scripts/test, which finds "
                    + "the OGC test suite jar and sets it");
        }
        return v;
    }

    /** The suite's test methods (not TestNG's configuration methods), from every results file. */
    private static List<Element> testMethods(Path out) throws Exception {
        List<Path> results;
        try (Stream<Path> files = Files.walk(out)) {
            results = files.filter(f -> f.getFileName().toString().equals("testng-results.xml")).toList();
        }
        assertThat(results).as("testng-results.xml under " + out).isNotEmpty();
        List<Element> methods = new ArrayList<>();
        for (Path r : results) {
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(r.toFile())
                    .getElementsByTagName("test-method");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element m = (Element) nodes.item(i);
                if (!"true".equals(m.getAttribute("is-config"))) {
                    methods.add(m);
                }
            }
        }
        return methods;
    }

    private static String parameters(Element m) {
        NodeList values = m.getElementsByTagName("value");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.getLength(); i++) {
            out.add(values.item(i).getTextContent().trim());
        }
        return out.toString();
    }

    private static String message(Element m) {
        NodeList messages = m.getElementsByTagName("message");
        return messages.getLength() == 0 ? "" : messages.item(0).getTextContent().trim();
    }
}
