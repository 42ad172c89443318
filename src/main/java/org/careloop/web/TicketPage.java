package org.careloop.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careloop.tickets.FileName;
import org.careloop.tickets.Ticket;
import org.careloop.tickets.TicketDesk;
import org.careloop.tickets.UploadRules;

/**
 * The customer's side of a ticket, on CareLoop's public address with no login: the page behind the
 * ticket link (read the team's answers, add private details and files, rate the help once it is
 * resolved) and the rating page behind the closing message's link. The link's random token is the
 * only key, so an unknown token looks exactly like a missing page, and what the customer writes here
 * never goes into a public post.
 */
public final class TicketPage {

    /** A file to send back to the browser. */
    public record File(String filename, String contentType, byte[] content) {}

    /** A file the customer uploaded, as the browser described it. */
    public record Upload(String filename, byte[] content) {}

    /** What to answer: a page, a redirect after a form, or a file. */
    public record Response(int status, String html, String location, File file) {
        static Response page(int status, String html) {
            return new Response(status, html, null, null);
        }

        static Response redirect(String location) {
            return new Response(303, null, location, null);
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final TicketDesk desk;
    private final UploadRules limits;
    private final String brand;
    private final Template ticketPage;
    private final Template ratingPage;
    private final Template noticePage;

    public TicketPage(TicketDesk desk, UploadRules limits, String brand) {
        this.desk = desk;
        this.limits = limits;
        this.brand = brand;
        Mustache.Compiler compiler = Mustache.compiler().defaultValue("");
        this.ticketPage = compiler.compile(Http.resource("web/ticket.html"));
        this.ratingPage = compiler.compile(Http.resource("web/rating.html"));
        this.noticePage = compiler.compile(Http.resource("web/notice.html"));
    }

    /** The ticket behind the link in the public reply, if any. */
    public Optional<Ticket> byLink(String token) {
        return wellFormed(token) ? desk.store().findByToken(token) : Optional.empty();
    }

    /** The ticket behind the customer's private page, if any. */
    public Optional<Ticket> byPage(String token) {
        return wellFormed(token) ? desk.store().findByPageToken(token) : Optional.empty();
    }

    public Optional<Ticket> byRatingToken(String token) {
        return wellFormed(token) ? desk.store().findByRatingToken(token) : Optional.empty();
    }

    public Response missing() {
        return notice(404, "This page does not exist", "Check that the link is complete (links in posts are sometimes cut), "
                + "or reply to us in the thread where we answered you.");
    }

    /**
     * The link from the public reply. Anyone can read a public post, so the link is a key that
     * works once: its first visitor, almost always the customer following our reply, gets the
     * case's private page at an address of its own; later visitors see nothing private.
     */
    public Response openLink(Ticket t) {
        return desk.openPage(t).map(opened -> Response.redirect("/c/" + opened.pageToken() + "?welcome=1"))
                .orElseGet(() -> notice(200, "This link has been used", "For your privacy, case " + t.reference()
                        + " continues on the private page that opened when this link was first used: find it in that browser's history "
                        + "or bookmarks.", "If that was not you, send us a direct message with " + t.reference()
                        + " and we will send you a new private link."));
    }

    private Response notice(int status, String title, String... paragraphs) {
        return Response.page(status, noticePage.execute(Map.of("brand", brand, "title", title, "paragraphs", List.of(paragraphs))));
    }

    public Response show(Ticket t, String notice, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("brand", brand);
        model.put("reference", t.reference());
        model.put("subject", t.subject());
        model.put("status", statusWords(t.status()));
        model.put("statusId", t.status().id());
        model.put("token", t.pageToken());
        model.put("notice", notice);
        model.put("error", error);
        model.put("open", t.status().isOpen());
        model.put("resolved", !t.status().isOpen());
        model.put("rated", t.rating() != null);
        model.put("rating", t.rating());
        model.put("maxMb", limits.maxBytes() / (1024 * 1024));
        model.put("maxFiles", limits.maxFilesPerMessage());
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 1; i <= limits.maxFilesPerMessage(); i++) {
            inputs.add(Map.of("n", i));
        }
        model.put("fileInputs", inputs);
        model.put("maxChars", limits.maxMessageChars());
        model.put("stars", stars(t.rating()));
        Map<Long, List<Ticket.Attachment>> files = new HashMap<>();
        for (Ticket.Attachment a : desk.store().attachments(t.id())) {
            files.computeIfAbsent(a.messageId(), k -> new ArrayList<>()).add(a);
        }
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Ticket.Message m : desk.store().messages(t.id())) {
            if (!m.kind().customerSees()) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("kind", m.kind().name().toLowerCase().replace('_', '-'));
            row.put("who", switch (m.kind()) {
                case PUBLIC_POST -> "Your public post";
                case CUSTOMER -> "You";
                case AGENT -> brand + " (" + m.author() + ")";
                default -> "";
            });
            row.put("event", m.kind() == Ticket.Kind.EVENT);
            row.put("body", m.body());
            row.put("at", WHEN.format(m.at()));
            row.put("hasFiles", files.containsKey(m.id()));
            row.put("files", files.getOrDefault(m.id(), List.of()).stream().map(a -> Map.of("id", a.id(), "name", a.filename(),
                    "size", size(a.size()))).toList());
            messages.add(row);
        }
        model.put("messages", messages);
        return Response.page(200, ticketPage.execute(model));
    }

    /** The customer adds a message and files; nothing here is ever posted publicly. */
    public Response addMessage(Ticket t, String body, List<Upload> uploads) {
        String text = body == null ? "" : body.strip();
        // The browser's names only as labels, from here on: shown back in any error, and kept.
        List<Upload> files = uploads.stream().filter(u -> u.content().length > 0).map(u -> new Upload(FileName.safe(u.filename()), u.content()))
                .toList();
        Optional<String> refused = limits.refusal(text, files.size(), desk.store().attachments(t.id()).size());
        if (refused.isPresent()) {
            return withError(t, refused.get());
        }
        List<String> types = new ArrayList<>();
        for (Upload u : files) {
            UploadRules.FileCheck file = limits.check(u.filename(), u.content());
            if (!file.accepted()) {
                return withError(t, file.refusal());
            }
            types.add(file.type());
        }
        long message = desk.fromCustomer(t, text.isEmpty() ? "(sent " + files.size() + (files.size() == 1 ? " file)" : " files)") : text);
        for (int i = 0; i < files.size(); i++) {
            desk.attach(t, message, files.get(i).filename(), types.get(i), files.get(i).content());
        }
        return Response.redirect("/c/" + t.pageToken() + "?sent=1");
    }

    /** Several files came in one file field, of which only one could be kept: nothing is sent, and the customer hears why. */
    public Response severalFilesInOneField(Ticket t) {
        return withError(t, "Please choose one file in each file box: several files came in one box, and we can take only one per box. "
                + "Nothing was sent; please try again.");
    }

    /** A rating from the private ticket page, which may change it later. */
    public Response rateFromPage(Ticket t, String rating, String comment) {
        Optional<Integer> r = rating(rating);
        if (r.isEmpty()) {
            return withError(t, "Choose from 1 to 5 stars.");
        }
        if (t.status().isOpen()) {
            return withError(t, "You can rate our help once your case is resolved.");
        }
        desk.rate(t, r.get(), comment, true);
        return Response.redirect("/c/" + t.pageToken() + "?rated=1");
    }

    public Response ratingForm(Ticket t, String notice, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("brand", brand);
        model.put("reference", t.reference());
        model.put("subject", t.subject());
        model.put("token", t.ratingToken());
        model.put("notice", notice);
        model.put("error", error);
        model.put("rated", t.rating() != null);
        model.put("stars", stars(t.rating()));
        model.put("ready", !t.status().isOpen());
        return Response.page(error == null ? 200 : 400, ratingPage.execute(model));
    }

    /**
     * A rating from the public closing message's link. Anyone who sees the public post can open
     * it, so it rates once; changing a rating needs the private ticket page.
     */
    public Response rateFromLink(Ticket t, String rating, String comment) {
        Optional<Integer> r = rating(rating);
        if (r.isEmpty()) {
            return ratingForm(t, null, "Choose from 1 to 5 stars.");
        }
        if (t.status().isOpen()) {
            return ratingForm(t, null, "This case is still open; you can rate it once it is resolved.");
        }
        if (t.rating() != null) {
            return ratingForm(t, "Thank you, this case has already been rated.", null);
        }
        desk.rate(t, r.get(), comment, false);
        return Response.redirect("/r/" + t.ratingToken() + "?rated=1");
    }

    /** An attachment of this ticket, for its customer or an agent. */
    static Optional<File> file(TicketDesk desk, Ticket t, long attachmentId) {
        return desk.store().attachments(t.id()).stream().filter(a -> a.id() == attachmentId).findFirst()
                .flatMap(a -> desk.store().attachmentContent(t.id(), a.id()).map(bytes -> new File(a.filename(), a.contentType(), bytes)));
    }

    public Optional<File> file(Ticket t, String attachmentId) {
        return StatusApi.parse(attachmentId).flatMap(id -> file(desk, t, id));
    }

    public long maxUploadBytes() {
        return limits.maxBytes() * limits.maxFilesPerMessage() + 64 * 1024;
    }

    private Response withError(Ticket t, String error) {
        Response r = show(t, null, error);
        return Response.page(400, r.html());
    }

    /** Tokens are URL-safe base64 of 144 bits; anything else is not looked up at all. */
    static boolean wellFormed(String token) {
        return token != null && token.length() >= 22 && token.length() <= 64 && token.matches("[A-Za-z0-9_-]+");
    }

    private static Optional<Integer> rating(String value) {
        try {
            int r = Integer.parseInt(value == null ? "" : value.trim());
            return r >= 1 && r <= 5 ? Optional.of(r) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<Map<String, Object>> stars(Integer chosen) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            out.add(Map.of("value", i, "checked", chosen != null && chosen == i));
        }
        return out;
    }

    private static String statusWords(Ticket.Status s) {
        return switch (s) {
            case OPEN -> "Open: our team is on it";
            case WAITING -> "Waiting for your reply";
            case RESOLVED -> "Resolved";
            case CLOSED -> "Closed";
        };
    }

    static String size(long bytes) {
        return UploadRules.size(bytes);
    }
}
