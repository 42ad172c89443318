package org.careloop.web;

import jakarta.activation.DataHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.careloop.tickets.Ticket;

/**
 * The customer's side of a ticket over HTTP, called from {@code routes/console.yaml}: the link in
 * the public reply, the private case page (details, files, rating) and the rating page of the
 * closing message. No login: random tokens are the only keys, so every request counts against its
 * address, and an unknown token counts far more.
 */
public final class CustomerEndpoints {

    private final TicketPage ticketPage;
    // A customer reads and writes a few times a minute; walking through tokens needs thousands of misses.
    private final AddressLimit limit = new AddressLimit(120, 20, Duration.ofMinutes(10));

    public CustomerEndpoints(TicketPage ticketPage) {
        this.ticketPage = ticketPage;
    }

    /** The link in the public reply: the first visit opens the customer's private page. */
    public void link(Exchange ex) {
        answer(ex, ticketPage::byLink, ticketPage::openLink);
    }

    public void page(Exchange ex) {
        answer(ex, ticketPage::byPage, t -> ticketPage.show(t, notice(ex), null));
    }

    public void message(Exchange ex) {
        answer(ex, ticketPage::byPage, t -> uploads(ex).map(files -> ticketPage.addMessage(t, Http.form(ex).get("body"), files))
                .orElseGet(() -> ticketPage.severalFilesInOneField(t)));
    }

    public void file(Exchange ex) {
        answer(ex, ticketPage::byPage, t -> ticketPage.file(t, Http.header(ex, "file"))
                .map(f -> new TicketPage.Response(200, null, null, f)).orElseGet(ticketPage::missing));
    }

    public void rateFromPage(Exchange ex) {
        Map<String, String> form = Http.form(ex);
        answer(ex, ticketPage::byPage, t -> ticketPage.rateFromPage(t, form.get("rating"), form.get("comment")));
    }

    public void ratingForm(Exchange ex) {
        answer(ex, ticketPage::byRatingToken, t -> ticketPage.ratingForm(t, notice(ex), null));
    }

    public void rate(Exchange ex) {
        Map<String, String> form = Http.form(ex);
        answer(ex, ticketPage::byRatingToken, t -> ticketPage.rateFromLink(t, form.get("rating"), form.get("comment")));
    }

    private void answer(Exchange ex, Function<String, Optional<Ticket>> lookup,
                          Function<Ticket, TicketPage.Response> page) {
        String address = Http.address(ex);
        if (!limit.allow(address)) {
            respond(ex, TicketPage.Response.page(429, "<!doctype html><title>Slow down</title><p>Too many requests. Please wait a few minutes and try again.</p>"));
            return;
        }
        Optional<Ticket> t = lookup.apply(Http.header(ex, "token"));
        if (t.isEmpty()) {
            limit.miss(address);
            respond(ex, ticketPage.missing());
            return;
        }
        respond(ex, page.apply(t.get()));
    }

    private static String notice(Exchange ex) {
        if (Http.query(ex, "welcome") != null) {
            return "This is your private page for this case. Bookmark it: the link in our public reply opens only once.";
        }
        if (Http.query(ex, "sent") != null) {
            return "Thank you, our team has your message and will answer here.";
        }
        return Http.query(ex, "rated") != null ? "Thank you for rating our help." : null;
    }

    /**
     * Files from a multipart form; the browser's names are kept only as labels. Empty when some
     * files cannot be had: Camel keys uploads by form field and keeps the last of a field's files,
     * so the page gives each file its own field, and a form with several in one is refused whole.
     */
    private static Optional<List<TicketPage.Upload>> uploads(Exchange ex) {
        List<TicketPage.Upload> out = new ArrayList<>();
        AttachmentMessage am = ex.getMessage(AttachmentMessage.class);
        int kept = am == null || !am.hasAttachments() ? 0 : am.getAttachments().size();
        // platform-http counts every file it received here, before keying them by field.
        Integer received = ex.getMessage().getHeader(Exchange.ATTACHMENTS_SIZE, Integer.class);
        if (received != null && received > kept) {
            return Optional.empty();
        }
        if (kept == 0) {
            return Optional.of(out);
        }
        // The data handler keeps the file's name.
        for (DataHandler file : am.getAttachments().values()) {
            try (InputStream in = file.getInputStream()) {
                out.add(new TicketPage.Upload(file.getName(), in.readAllBytes()));
            } catch (IOException io) {
                throw new UncheckedIOException("Cannot read the uploaded file " + file.getName(), io);
            }
        }
        return Optional.of(out);
    }

    private static void respond(Exchange ex, TicketPage.Response r) {
        if (r.location() != null) {
            Http.redirect(ex, r.location());
        } else if (r.file() != null) {
            Http.download(ex, r.file());
        } else {
            Http.html(ex, r.status(), r.html());
        }
        // The page's address is its key: never pass it on to another site, never index it, never keep it in a cache.
        ex.getMessage().setHeader("Referrer-Policy", "no-referrer");
        ex.getMessage().setHeader("X-Robots-Tag", "noindex, nofollow");
        Http.noStore(ex);
    }
}
