package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.careloop.care.DraftStatus;
import org.careloop.store.DraftStore;
import org.junit.jupiter.api.Test;

class ReportsApiTest {

    static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void medianP90AndShareWithinTarget() {
        List<DraftStore.Response> rs = new ArrayList<>();
        for (int s : new int[] {30, 60, 90, 120, 200, 300, 400, 500, 700, 900}) {
            rs.add(new DraftStore.Response("x", "p" + s, T, T.plusSeconds(s)));
        }
        Map<String, Object> f = ReportsApi.firstResponse(rs, Duration.ofMinutes(10));
        assertThat(f.get("answered")).isEqualTo(10);
        assertThat(f.get("medianSeconds")).isEqualTo(200L);
        assertThat(f.get("p90Seconds")).isEqualTo(700L);
        assertThat(f.get("withinTarget")).isEqualTo(0.8);
        assertThat(ReportsApi.firstResponse(List.of(), Duration.ofMinutes(10))).doesNotContainKey("medianSeconds");
    }

    @Test
    void outcomesPerRuleAndVariant() {
        List<Map<String, Object>> rows = ReportsApi.variants(List.of(
                new DraftStore.Outcome("complaint", "apology", 2, DraftStatus.PUBLISHED, false, false, "positive"),
                new DraftStore.Outcome("complaint", "apology", 2, DraftStatus.PUBLISHED, false, true, null),
                new DraftStore.Outcome("complaint", "apology-direct", 2, DraftStatus.REJECTED, false, false, "negative"),
                new DraftStore.Outcome("complaint", "apology-direct", 2, DraftStatus.PUBLISHED, true, false, null)));
        assertThat(rows).hasSize(2);
        Map<String, Object> a = rows.get(0);
        assertThat(a).containsEntry("template", "apology").containsEntry("abTest", true).containsEntry("drafted", 2)
                .containsEntry("approvedUnedited", 1).containsEntry("edited", 1).containsEntry("nextPositive", 1);
        Map<String, Object> b = rows.get(1);
        assertThat(b).containsEntry("rejected", 1).containsEntry("autoPublished", 1).containsEntry("nextNegative", 1);
    }
}
