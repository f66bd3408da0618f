package io.dukan.aws.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The EMF line is what CloudWatch's Embedded Metric Format specification asks for. */
class StoreMetricsLogTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRequestLine_isOneEmfDocument_withTheFourMetrics_perTenant() throws Exception {
        String line = StoreMetricsLog.line(
                "abcdefgh23456789", "lahore-leather", 1_765_000_000_123L, 200, 12.345, true, "req-1");
        assertThat(line).doesNotContain("\n");
        JsonNode doc = JSON.readTree(line);
        JsonNode aws = doc.path("_aws");
        assertThat(aws.path("Timestamp").asLong()).isEqualTo(1_765_000_000_123L);
        JsonNode directive = aws.path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Dukan/Stores");
        assertThat(directive.path("Dimensions").get(0).get(0).asText()).isEqualTo("TenantId");
        assertThat(directive.path("Metrics").findValuesAsText("Name"))
                .containsExactly("Requests", "Errors", "ColdStarts", "Duration");
        assertThat(directive.path("Metrics").findValuesAsText("Unit"))
                .containsExactly("Count", "Count", "Count", "Milliseconds");
        // every dimension and metric named in the directive is a top-level member of the right type
        assertThat(doc.path("TenantId").asText()).isEqualTo("abcdefgh23456789");
        assertThat(doc.path("Requests").isNumber()).isTrue();
        assertThat(doc.path("Errors").asInt()).isZero();
        assertThat(doc.path("ColdStarts").asInt()).isEqualTo(1);
        assertThat(doc.path("Duration").asDouble()).isEqualTo(12.35);
        assertThat(doc.path("Slug").asText()).isEqualTo("lahore-leather");
    }

    @Test
    void aServerError_countsAsAnError_aClientErrorDoesNot() throws Exception {
        assertThat(JSON.readTree(StoreMetricsLog.line("t", "s", 1, 503, 1, false, null))
                        .path("Errors")
                        .asInt())
                .isEqualTo(1);
        assertThat(JSON.readTree(StoreMetricsLog.line("t", "s", 1, 404, 1, false, null))
                        .path("Errors")
                        .asInt())
                .isZero();
    }

    @Test
    void nothingFromOutside_canBreakTheDocument() throws Exception {
        JsonNode doc = JSON.readTree(StoreMetricsLog.line("t\"}", "s\n", 1, 200, 1, false, "x\",\"Errors\":9"));
        assertThat(doc.path("Errors").asInt()).isZero();
        assertThat(doc.path("TenantId").asText()).isEqualTo("t");
        assertThat(doc.path("Slug").asText()).isEqualTo("s");
        assertThat(doc.path("RequestId").asText()).isEqualTo("xErrors:9");
    }

    @Test
    void idsKeepOnlyLettersDigitsAndDotUnderscoreColonDash() throws Exception {
        for (String id : java.util.List.of(
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
                "01HZX3K9Q2-abc_def.ghi:jkl",
                "",
                "ü\u0000 \t\"'<>{}",
                "a b")) {
            JsonNode doc = JSON.readTree(StoreMetricsLog.line(id, "shop", 1, 200, 1, false, id));
            String kept = id.replaceAll("[^A-Za-z0-9._:-]", "");
            assertThat(doc.path("TenantId").asText()).as(id).isEqualTo(kept);
            assertThat(doc.path("RequestId").asText()).as(id).isEqualTo(kept);
        }
    }
}
