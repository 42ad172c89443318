package org.careloop.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careloop.care.Draft;
import org.careloop.marketing.Praise;
import org.careloop.marketing.PraiseAtom;
import org.careloop.marketing.PraiseCsv;
import org.careloop.marketing.PraiseFeed;
import org.careloop.platform.Platform;
import org.careloop.care.DraftStore;
import org.careloop.marketing.PraiseStore;

/**
 * The praise feed over HTTP: JSON with keyset paging, Atom and CSV, all with the same filters, and
 * an agent's "share with marketing". Plain Java; who may call it is decided in {@link PraiseEndpoints}.
 */
public final class PraiseApi {

    static final int PAGE = 50;
    static final int MAX_PAGE = 500;
    static final int MAX_EXPORT = 10_000;

    private final PraiseStore store;
    private final PraiseFeed feed;
    private final DraftStore drafts;
    private final PraiseAtom atom;
    private final String publicUrl;
    private final Clock clock;

    /** @param publicUrl CareLoop's public base URL, for the feed's links and ids */
    public PraiseApi(PraiseStore store, PraiseFeed feed, DraftStore drafts, String publicUrl, String brand, Clock clock) {
        this.store = store;
        this.feed = feed;
        this.drafts = drafts;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        String host = java.net.URI.create(this.publicUrl).getHost();
        this.atom = new PraiseAtom(host == null ? "localhost" : host, brand + ": praise");
        this.clock = clock;
    }

    /** The request's parameters as sent, each null when absent. */
    public record Params(String platform, String from, String to, String minScore, String limit, String cursor) {}

    /** A page of the feed: {@code next} is the next page's path (null on the last), {@code nextCursor} its cursor alone. */
    public record PraisePage(List<Praise.View> items, String next, String nextCursor) {}

    /** The JSON page: {@code {"items": [...], "next": "/api/praise?...&cursor=...", "nextCursor": "..."}}. */
    public ApiResponse list(Params params) {
        return withQuery(params, PAGE, MAX_PAGE, q -> {
            Page page = page(q);
            return ApiResponse.ok(new PraisePage(page.items().stream().map(Praise::view).toList(),
                    page.nextCursor() == null ? null : "/api/praise" + q.queryString(page.nextCursor()),
                    page.nextCursor() == null ? null : String.valueOf(page.nextCursor())));
        });
    }

    /** The latest items as Atom (50 unless {@code limit} says, up to 500), with a {@code next} link when there are more. */
    public ApiResponse atom(Params params) {
        return withQuery(params, PAGE, MAX_PAGE, q -> {
            Page page = page(q);
            String self = publicUrl + "/feeds/praise.atom" + q.queryString(q.cursor());
            String next = page.nextCursor() == null ? null : publicUrl + "/feeds/praise.atom" + q.queryString(page.nextCursor());
            return ApiResponse.document("application/atom+xml; charset=utf-8", null,
                    atom.render(page.items(), self, publicUrl + "/#praise", next, clock.instant()));
        });
    }

    /** Every matching item as CSV (up to {@value #MAX_EXPORT}, or {@code limit}), newest first. */
    public ApiResponse csv(Params params) {
        return withQuery(params, MAX_EXPORT, MAX_EXPORT, q -> {
            List<Praise> all = new ArrayList<>();
            Long before = q.cursor();
            while (all.size() < q.limit()) {
                int want = Math.min(MAX_PAGE, q.limit() - all.size());
                List<Praise> chunk = store.list(q.filter(), before, want);
                all.addAll(chunk);
                if (chunk.size() < want) {
                    break;
                }
                before = chunk.get(chunk.size() - 1).id();
            }
            return ApiResponse.document("text/csv; charset=utf-8; header=present", "praise-" + LocalDate.now(clock) + ".csv",
                    PraiseCsv.render(all));
        });
    }

    /** A post shared with marketing: {@code added} false when it was in the feed already. */
    public record SharedPraise(boolean added, Praise.View item) {}

    /** "Share with marketing": the draft's post enters the feed (once); {@code {"added": bool, "item": {...}}}. */
    public ApiResponse share(String draftId, String actor) {
        Optional<Draft> draft;
        try {
            draft = drafts.find(Long.parseLong(draftId));
        } catch (NumberFormatException | NullPointerException e) {
            draft = Optional.empty();
        }
        if (draft.isEmpty()) {
            return ApiResponse.error(404, "No draft " + draftId);
        }
        PraiseFeed.Shared shared = feed.share(draft.get().mention(), draft.get().analysis(), actor);
        return ApiResponse.ok(new SharedPraise(shared.added(), shared.item().view()));
    }

    // --- parameters ------------------------------------------------------------------------------

    /** A checked request: the filter, the page size and where the page starts. */
    record Query(PraiseStore.Filter filter, Params given, int limit, Long cursor) {

        /** The same filters as asked, for links: {@code ?platform=x&...&cursor=n}. */
        String queryString(Long at) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("platform", given.platform());
            q.put("from", given.from());
            q.put("to", given.to());
            q.put("minScore", given.minScore());
            q.put("limit", given.limit());
            q.put("cursor", at == null ? null : String.valueOf(at));
            StringBuilder b = new StringBuilder();
            q.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    b.append(b.length() == 0 ? '?' : '&').append(k).append('=').append(URLEncoder.encode(v.trim(), StandardCharsets.UTF_8));
                }
            });
            return b.toString();
        }
    }

    private record Page(List<Praise> items, Long nextCursor) {}

    private Page page(Query q) {
        List<Praise> items = store.list(q.filter(), q.cursor(), q.limit() + 1);
        if (items.size() <= q.limit()) {
            return new Page(items, null);
        }
        List<Praise> shown = items.subList(0, q.limit());
        return new Page(shown, shown.get(shown.size() - 1).id());
    }

    /** Runs {@code call} on the checked parameters, or answers 400 saying which one is wrong. */
    private static ApiResponse withQuery(Params p, int defaultLimit, int maxLimit, java.util.function.Function<Query, ApiResponse> call) {
        Query q;
        try {
            q = parse(p, defaultLimit, maxLimit);
        } catch (BadParameter e) {
            return e.response;
        }
        return call.apply(q);
    }

    private static final class BadParameter extends Exception {
        final transient ApiResponse response;

        BadParameter(ApiResponse response) {
            super(null, null, false, false);
            this.response = response;
        }

        BadParameter(String message) {
            this(ApiResponse.error(400, message));
        }
    }

    static Query parse(Params p, int defaultLimit, int maxLimit) throws BadParameter {
        Platform platform = null;
        if (present(p.platform())) {
            try {
                platform = Platform.of(p.platform());
            } catch (IllegalArgumentException e) {
                throw new BadParameter("platform must be one of " + String.join(", ",
                        Arrays.stream(Platform.values()).map(Platform::id).toList()) + ", got '" + p.platform() + "'");
            }
        }
        Instant from = time("from", p.from(), false);
        Instant to = time("to", p.to(), true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadParameter("from (" + p.from() + ") must be before to (" + p.to() + ")");
        }
        Double minScore = null;
        if (present(p.minScore())) {
            try {
                minScore = Double.parseDouble(p.minScore().trim());
            } catch (NumberFormatException e) {
                minScore = Double.NaN;
            }
            if (!(minScore >= -1 && minScore <= 1)) {
                throw new BadParameter("minScore must be a number from -1 to 1 (the sentiment score), got '" + p.minScore() + "'");
            }
        }
        var limit = Param.number(p.limit(), defaultLimit, 1, maxLimit);
        if (limit.isEmpty()) {
            throw new BadParameter(Param.outOfRange("limit", 1, maxLimit));
        }
        Long cursor = null;
        if (present(p.cursor())) {
            try {
                cursor = Long.parseLong(p.cursor().trim());
            } catch (NumberFormatException e) {
                cursor = 0L;
            }
            if (cursor <= 0) {
                throw new BadParameter("cursor must be the nextCursor of a previous page, got '" + p.cursor() + "'");
            }
        }
        return new Query(new PraiseStore.Filter(platform, from, to, minScore), p, limit.getAsInt(), cursor);
    }

    /** A date ({@code 2026-11-01}, UTC; as {@code to} the whole day is included) or an instant ({@code 2026-11-01T09:30:00Z}). */
    private static Instant time(String name, String value, boolean end) throws BadParameter {
        if (!present(value)) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name + " must be a date (2026-11-01) or a UTC time (2026-11-01T09:30:00Z), got '" + value + "'");
        }
    }

    private static boolean present(String v) {
        return v != null && !v.isBlank();
    }
}
