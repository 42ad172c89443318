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
        ReportsApi.FirstResponse f = ReportsApi.firstResponse(rs, Duration.ofMinutes(10));
        assertThat(f.answered()).isEqualTo(10);
        assertThat(f.medianSeconds()).isEqualTo(200L);
        assertThat(f.p90Seconds()).isEqualTo(700L);
        assertThat(f.withinTarget()).isEqualTo(0.8);
        assertThat(json(ReportsApi.firstResponse(List.of(), Duration.ofMinutes(10)))).isEqualTo("{\"answered\":0,\"targetSeconds\":600}");
    }

    @Test
    void volumeByPlatformLabelsAndEveryDayOfTheWindow() {
        var d1 = java.time.LocalDate.parse("2026-11-20");
        var d3 = java.time.LocalDate.parse("2026-11-22");
        ReportsApi.Volume v = ReportsApi.volume(List.of(
                new MentionStore.Volume(Platform.X, d1, "negative", "problem", false, "TICKET", 4),
                new MentionStore.Volume(Platform.X, d3, "negative", "other", true, "IGNORE", 2),
                new MentionStore.Volume(Platform.FACEBOOK, d3, "positive", "praise", false, "REPLY", 3),
                new MentionStore.Volume(Platform.INSTAGRAM, d3, "negative", "other", true, "HIDE", 1),
                new MentionStore.Volume(Platform.X, d3, null, null, false, null, 1)), Instant.parse("2026-11-20T08:00:00Z"), T);
        assertThat(v.posts()).isEqualTo(11);
        assertThat(v.byPlatform()).containsEntry("x", 7).containsEntry("facebook", 3).containsEntry("instagram", 1);
        assertThat(v.bySentiment()).isEqualTo(new ReportsApi.SentimentCounts(7, 0, 3, 1));
        assertThat(v.byIntent()).containsEntry("problem", 4).containsEntry("other", 3);
        assertThat(v.trollsIgnored()).isEqualTo(2);
        assertThat(v.trollsHidden()).isEqualTo(1);
        List<ReportsApi.DayVolume> days = v.byDay();
        assertThat(days).extracting(ReportsApi.DayVolume::day).containsExactly("2026-11-20", "2026-11-21", "2026-11-22");
        // A day's counts sit beside its date, and "unknown" is there only on a day that had such posts.
        assertThat(json(days.get(1))).isEqualTo("{\"day\":\"2026-11-21\",\"negative\":0,\"neutral\":0,\"positive\":0}");
        assertThat(json(days.get(2))).isEqualTo("{\"day\":\"2026-11-22\",\"negative\":3,\"neutral\":0,\"positive\":3,\"unknown\":1}");
    }

    @Test
    void outcomesPerRuleAndVariant() {
        List<ReportsApi.VariantOutcomes> rows = ReportsApi.variants(List.of(
                new DraftStore.Outcome("complaint", "apology", 2, DraftStatus.PUBLISHED, false, false, "positive"),
                new DraftStore.Outcome("complaint", "apology", 2, DraftStatus.PUBLISHED, false, true, null),
                new DraftStore.Outcome("complaint", "apology-direct", 2, DraftStatus.REJECTED, false, false, "negative"),
                new DraftStore.Outcome("complaint", "apology-direct", 2, DraftStatus.PUBLISHED, true, false, null)), List.of());
        assertThat(rows).hasSize(2);
        ReportsApi.VariantOutcomes a = rows.get(0);
        assertThat(a.template()).isEqualTo("apology");
        assertThat(a.abTest()).isTrue();
        assertThat(a.outcomes()).isEqualTo(new ReportsApi.Outcomes(2, 1, 1, 0, 0, 0, 1, 0, 0));
        assertThat(rows.get(1).outcomes()).isEqualTo(new ReportsApi.Outcomes(2, 0, 0, 1, 1, 0, 0, 0, 1));
        // The counts sit in the row beside its rule and template, as the console reads them.
        assertThat(json(a)).isEqualTo("{\"rule\":\"complaint\",\"template\":\"apology\",\"abTest\":true,\"drafted\":2,\"approvedUnedited\":1,"
                + "\"edited\":1,\"rejected\":0,\"autoPublished\":0,\"pending\":0,\"nextPositive\":1,\"nextNeutral\":0,\"nextNegative\":0,\"ratings\":0}");
    }

    @Test
    void outcomesPerPartOfTheReply() {
        List<ReportsApi.PartOutcomes> rows = ReportsApi.parts(List.of(
                new DraftStore.Outcome("ticket", "ticket", 1, DraftStatus.PUBLISHED, false, true, null,
                        List.of("opening-anger", "ticket", "needs-bag", "detail")),
                new DraftStore.Outcome("ticket", "ticket", 1, DraftStatus.PUBLISHED, false, false, null, List.of("opening-sorry", "ticket")),
                new DraftStore.Outcome("apologize", "apology", 2, DraftStatus.REJECTED, false, false, null, List.of("opening-anger", "apology"))));
        assertThat(rows).extracting(ReportsApi.PartOutcomes::part)
                .containsExactly("apology", "detail", "needs-bag", "opening-anger", "opening-sorry", "ticket");
        ReportsApi.Outcomes anger = rows.get(3).outcomes();
        assertThat(anger.drafted()).isEqualTo(2);
        assertThat(anger.edited()).isEqualTo(1);
        assertThat(anger.rejected()).isEqualTo(1);
        assertThat(anger.approvedUnedited()).isZero();
        ReportsApi.Outcomes ticket = rows.get(5).outcomes();
        assertThat(ticket.drafted()).isEqualTo(2);
        assertThat(ticket.edited()).isEqualTo(1);
        assertThat(ticket.approvedUnedited()).isEqualTo(1);
    }

    @Test
    void ticketsOpenedResolvedAndTimeToResolve() {
        List<TicketStore.Life> lives = List.of(
                new TicketStore.Life(1, T, T.plusSeconds(3600), org.careloop.tickets.Ticket.Status.RESOLVED),
                new TicketStore.Life(2, T, T.plusSeconds(600), org.careloop.tickets.Ticket.Status.CLOSED),
                new TicketStore.Life(3, T, null, org.careloop.tickets.Ticket.Status.WAITING),
                new TicketStore.Life(4, T, T.plusSeconds(7200), org.careloop.tickets.Ticket.Status.OPEN)); // reopened
        assertThat(ReportsApi.tickets(lives, 2)).isEqualTo(new ReportsApi.TicketFigures(4, 2, 1, 1, 3600L, 7200L, 2));
        assertThat(json(ReportsApi.tickets(List.of(), 0))).doesNotContain("resolutionMedianSeconds");
    }

    @Test
    void csatOverallPerAgentAndPerVariant() {
        List<TicketStore.Rating> ratings = List.of(
                new TicketStore.Rating(1, 5, "alice", T, "lost-bag", "problem"),
                new TicketStore.Rating(2, 4, "alice", T, "lost-bag", "problem-short"),
                new TicketStore.Rating(3, 2, "bob", T, "lost-bag", "problem"),
                new TicketStore.Rating(4, 1, null, T, null, null));
        ReportsApi.Csat csat = ReportsApi.csat(ratings);
        assertThat(csat.overall()).isEqualTo(new ReportsApi.Satisfaction(4, 3.0, 0.5, Map.of("1", 1, "2", 1, "3", 0, "4", 1, "5", 1)));
        assertThat(csat.byAgent()).extracting(ReportsApi.AgentSatisfaction::agent, r -> r.satisfaction().average()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alice", 4.5), org.assertj.core.groups.Tuple.tuple("bob", 2.0),
                org.assertj.core.groups.Tuple.tuple("unknown", 1.0));
        // Overall figures sit beside byAgent; with no ratings there is no average, not a null one.
        assertThat(json(ReportsApi.csat(List.of()))).isEqualTo("{\"ratings\":0,\"byAgent\":[]}");

        List<ReportsApi.VariantOutcomes> rows = ReportsApi.variants(List.of(
                new DraftStore.Outcome("lost-bag", "problem", 2, DraftStatus.PUBLISHED, false, false, null),
                new DraftStore.Outcome("lost-bag", "problem-short", 2, DraftStatus.PUBLISHED, false, false, null),
                new DraftStore.Outcome("faq", "faq", 1, DraftStatus.PUBLISHED, false, false, null)), ratings);
        assertThat(rows).extracting(ReportsApi.VariantOutcomes::template, ReportsApi.VariantOutcomes::ratings,
                ReportsApi.VariantOutcomes::averageRating).containsExactly(
                org.assertj.core.groups.Tuple.tuple("faq", 0, null),
                org.assertj.core.groups.Tuple.tuple("problem", 2, 3.5),
                org.assertj.core.groups.Tuple.tuple("problem-short", 1, 4.0));
    }

    /** As the API writes it. */
    static String json(Object value) {
        try {
            return org.careloop.config.Json.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
