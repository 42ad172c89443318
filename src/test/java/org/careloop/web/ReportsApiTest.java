package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.careloop.care.DraftStatus;
import org.careloop.platform.Platform;
import org.careloop.care.DraftStore;
import org.careloop.pipeline.MentionStore;
import org.careloop.tickets.TicketStore;
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
    @SuppressWarnings("unchecked")
    void volumeByPlatformLabelsAndEveryDayOfTheWindow() {
        var d1 = java.time.LocalDate.parse("2026-11-20");
        var d3 = java.time.LocalDate.parse("2026-11-22");
        Map<String, Object> v = ReportsApi.volume(List.of(
                new MentionStore.Volume(Platform.X, d1, "negative", "problem", false, "TICKET", 4),
                new MentionStore.Volume(Platform.X, d3, "negative", "other", true, "IGNORE", 2),
                new MentionStore.Volume(Platform.FACEBOOK, d3, "positive", "praise", false, "REPLY", 3),
                new MentionStore.Volume(Platform.INSTAGRAM, d3, "negative", "other", true, "HIDE", 1),
                new MentionStore.Volume(Platform.X, d3, null, null, false, null, 1)), Instant.parse("2026-11-20T08:00:00Z"), T);
        assertThat(v.get("posts")).isEqualTo(11);
        assertThat((Map<String, Integer>) v.get("byPlatform")).containsEntry("x", 7).containsEntry("facebook", 3).containsEntry("instagram", 1);
        assertThat((Map<String, Integer>) v.get("bySentiment")).containsEntry("negative", 7).containsEntry("neutral", 0)
                .containsEntry("positive", 3).containsEntry("unknown", 1);
        assertThat((Map<String, Integer>) v.get("byIntent")).containsEntry("problem", 4).containsEntry("other", 3);
        assertThat(v.get("trollsIgnored")).isEqualTo(2);
        assertThat(v.get("trollsHidden")).isEqualTo(1);
        List<Map<String, Object>> days = (List<Map<String, Object>>) v.get("byDay");
        assertThat(days).extracting(d -> d.get("day")).containsExactly("2026-11-20", "2026-11-21", "2026-11-22");
        assertThat(days.get(1)).containsEntry("negative", 0).containsEntry("positive", 0);
        assertThat(days.get(2)).containsEntry("negative", 3).containsEntry("positive", 3).containsEntry("unknown", 1);
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

    @Test
    void outcomesPerPartOfTheReply() {
        List<Map<String, Object>> rows = ReportsApi.parts(List.of(
                new DraftStore.Outcome("ticket", "ticket", 1, DraftStatus.PUBLISHED, false, true, null,
                        List.of("opening-anger", "ticket", "needs-bag", "detail")),
                new DraftStore.Outcome("ticket", "ticket", 1, DraftStatus.PUBLISHED, false, false, null, List.of("opening-sorry", "ticket")),
                new DraftStore.Outcome("apologize", "apology", 2, DraftStatus.REJECTED, false, false, null, List.of("opening-anger", "apology"))));
        assertThat(rows).extracting(r -> r.get("part"))
                .containsExactly("apology", "detail", "needs-bag", "opening-anger", "opening-sorry", "ticket");
        Map<String, Object> anger = rows.get(3);
        assertThat(anger).containsEntry("drafted", 2).containsEntry("edited", 1).containsEntry("rejected", 1).containsEntry("approvedUnedited", 0);
        assertThat(rows.get(5)).containsEntry("drafted", 2).containsEntry("edited", 1).containsEntry("approvedUnedited", 1);
    }

    @Test
    void ticketsOpenedResolvedAndTimeToResolve() {
        List<TicketStore.Life> lives = List.of(
                new TicketStore.Life(1, T, T.plusSeconds(3600), org.careloop.tickets.Ticket.Status.RESOLVED),
                new TicketStore.Life(2, T, T.plusSeconds(600), org.careloop.tickets.Ticket.Status.CLOSED),
                new TicketStore.Life(3, T, null, org.careloop.tickets.Ticket.Status.WAITING),
                new TicketStore.Life(4, T, T.plusSeconds(7200), org.careloop.tickets.Ticket.Status.OPEN)); // reopened
        Map<String, Object> t = ReportsApi.tickets(lives, 2);
        assertThat(t).containsEntry("opened", 4).containsEntry("open", 2L).containsEntry("resolved", 1L).containsEntry("closed", 1L)
                .containsEntry("resolutionMedianSeconds", 3600L).containsEntry("resolutionP90Seconds", 7200L)
                .containsEntry("closingMessagesPublished", 2);
        assertThat(ReportsApi.tickets(List.of(), 0)).doesNotContainKey("resolutionMedianSeconds");
    }

    @Test
    void csatOverallPerAgentAndPerVariant() {
        List<TicketStore.Rating> ratings = List.of(
                new TicketStore.Rating(1, 5, "alice", T, "lost-bag", "problem"),
                new TicketStore.Rating(2, 4, "alice", T, "lost-bag", "problem-short"),
                new TicketStore.Rating(3, 2, "bob", T, "lost-bag", "problem"),
                new TicketStore.Rating(4, 1, null, T, null, null));
        Map<String, Object> csat = ReportsApi.csat(ratings);
        assertThat(csat).containsEntry("ratings", 4).containsEntry("average", 3.0).containsEntry("satisfied", 0.5);
        assertThat(csat.get("scores")).isEqualTo(Map.of("1", 1, "2", 1, "3", 0, "4", 1, "5", 1));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> agents = (List<Map<String, Object>>) csat.get("byAgent");
        assertThat(agents).extracting(r -> r.get("agent"), r -> r.get("average")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alice", 4.5), org.assertj.core.groups.Tuple.tuple("bob", 2.0),
                org.assertj.core.groups.Tuple.tuple("unknown", 1.0));
        assertThat(ReportsApi.csat(List.of())).containsEntry("ratings", 0).doesNotContainKey("average");

        List<Map<String, Object>> rows = ReportsApi.variants(List.of(
                new DraftStore.Outcome("lost-bag", "problem", 2, DraftStatus.PUBLISHED, false, false, null),
                new DraftStore.Outcome("lost-bag", "problem-short", 2, DraftStatus.PUBLISHED, false, false, null),
                new DraftStore.Outcome("faq", "faq", 1, DraftStatus.PUBLISHED, false, false, null)));
        ReportsApi.addCsat(rows, ratings);
        assertThat(rows).extracting(r -> r.get("template"), r -> r.get("ratings"), r -> r.get("averageRating")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("faq", 0, null),
                org.assertj.core.groups.Tuple.tuple("problem", 2, 3.5),
                org.assertj.core.groups.Tuple.tuple("problem-short", 1, 4.0));
    }
}
