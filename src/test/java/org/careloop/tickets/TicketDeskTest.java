package org.careloop.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.careloop.analysis.Analysis;
import org.careloop.analysis.Sentiment;
import org.careloop.care.Draft;
import org.careloop.care.DraftStatus;
import org.careloop.care.Drafter;
import org.careloop.care.UnsaidReplies;
import org.careloop.pipeline.Triage;
import org.careloop.webhook.Webhook;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.rules.Decision;
import org.careloop.rules.RuleFiles;
import org.careloop.rules.RulesInForce;
import org.careloop.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tickets from the post that opens one to the public closing message and the rating, on a real (H2) database. */
class TicketDeskTest {

    private static final AtomicInteger IDS = new AtomicInteger(5000);
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Decision TICKET = new Decision("lost-bag", Decision.Action.TICKET, List.of("ticket"), "needs private details",
            Decision.Priority.HIGH, false, false, true, null);

    private Database db;
    private TicketDesk desk;
    private Drafter drafter;
    private final List<Draft> settled = new ArrayList<>();
    private boolean linkFree;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:tickets" + IDS.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        RulesInForce rules = new RulesInForce(RuleFiles.classpath("rules"), clock);
        drafter = new Drafter(rules, Duration.ofMinutes(10), new Drafter.Voice("Acme Air", "", "within the hour"));
        desk = new TicketDesk(db.tickets(), db.mentions(), db.drafts(), drafter, new UnsaidReplies(db.drafts(),
                db.recentTexts(), clock), rules, d -> {
            settled.add(d);
            return d;
        }, new Webhook(null), "https://care.example/", account -> linkFree, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Mention post(String handle, String text, String conversation) {
        String id = String.valueOf(IDS.incrementAndGet());
        Mention m = new Mention(Platform.X, "brand", id, new Author("id-" + handle, handle, handle.toUpperCase()), text, "en", T0,
                conversation == null ? id : conversation, null, "https://x.com/" + handle + "/status/" + id, false, false);
        db.mentions().insertIfNew(m);
        return m;
    }

    private static Analysis negative() {
        return new Analysis("en", new Sentiment(Sentiment.Label.NEGATIVE, -0.8, 0.9), List.of("negative"));
    }

    @Test
    void aTicketIsLinkedToItsPostThreadAuthorAndAnalysis() {
        Mention m = post("jana", "@acmeair you lost my bag, flight AC123", null);
        Ticket t = desk.forPost(m, negative(), TICKET);
        assertThat(t.status()).isEqualTo(Ticket.Status.OPEN);
        assertThat(t.mentionId()).isEqualTo(m.id());
        assertThat(t.conversationId()).isEqualTo(m.conversationId());
        assertThat(t.author().handle()).isEqualTo("jana");
        assertThat(t.subject()).isEqualTo("your bag");
        assertThat(t.priority()).isEqualTo("high");
        assertThat(db.tickets().messages(t.id())).extracting(Ticket.Message::kind, Ticket.Message::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Ticket.Kind.PUBLIC_POST, m.text()));
    }

    @Test
    void tokensAreLongRandomAndNotTheNumber() {
        Ticket a = desk.forPost(post("a1", "my bag is lost", null), negative(), TICKET);
        Ticket b = desk.forPost(post("b1", "my bag is lost", null), negative(), TICKET);
        assertThat(a.token()).hasSize(24).matches("[A-Za-z0-9_-]+").isNotEqualTo(b.token());
        assertThat(a.ratingToken()).isNotEqualTo(a.token());
        assertThat(java.util.Base64.getUrlDecoder().decode(a.token())).hasSizeGreaterThanOrEqualTo(16); // >= 128 bits
        assertThat(desk.pageUrl(a)).isEqualTo("https://care.example/t/" + a.token());
    }

    @Test
    void aRepeatPostOnTheSameIssueJoinsTheOpenTicket() {
        Mention first = post("jana", "@acmeair you lost my bag", null);
        Ticket t = desk.forPost(first, negative(), TICKET);
        Mention again = post("jana", "@acmeair still no news about my suitcase!!", null);
        Ticket joined = desk.forPost(again, negative(), TICKET);
        assertThat(joined.id()).isEqualTo(t.id());
        assertThat(db.tickets().messages(t.id())).extracting(Ticket.Message::body).containsExactly(first.text(), again.text());
        // Same thread, whatever it says: the same case.
        Mention inThread = post("jana", "@acmeair and my refund?", first.conversationId());
        assertThat(desk.forPost(inThread, negative(), TICKET).id()).isEqualTo(t.id());
    }

    /** A follow-up in a thread joins that thread's case, even when the author opened another case since. */
    @Test
    void aFollowUpJoinsItsThreadsCaseNotTheAuthorsNewest() {
        Mention app = post("carlos", "@acmeair your app crashes when I pay for seat selection", null);
        Ticket appCase = desk.forPost(app, negative(), TICKET);
        Ticket refundCase = desk.forPost(post("carlos", "@acmeair where is my refund for the cancelled flight", null), negative(), TICKET);
        assertThat(refundCase.id()).isNotEqualTo(appCase.id());
        Mention followUp = post("carlos", "@acmeair nothing on that page helped, my refund of patience is gone", app.conversationId());
        assertThat(desk.forPost(followUp, negative(), TICKET).id()).isEqualTo(appCase.id());
    }

    @Test
    void anotherIssueOrAnotherPersonGetsATicketOfItsOwn() {
        Ticket bag = desk.forPost(post("jana", "@acmeair you lost my bag", null), negative(), TICKET);
        Ticket refund = desk.forPost(post("jana", "@acmeair where is my refund for the cancelled flight", null), negative(), TICKET);
        Ticket other = desk.forPost(post("omar", "@acmeair you lost my bag", null), negative(), TICKET);
        assertThat(refund.id()).isNotEqualTo(bag.id());
        assertThat(other.id()).isNotEqualTo(bag.id());
        desk.resolve(bag.id(), "alice");
        // A resolved ticket is not joined: a new report is a new case (its thread reopens the old one instead).
        assertThat(desk.forPost(post("jana", "@acmeair my bag is lost again", null), negative(), TICKET).id()).isNotEqualTo(bag.id());
    }

    @Test
    void theReplyCarriesTheLinkOrOnlyTheReferenceWhenTheAccountIsLinkFree() {
        Mention m = post("jana", "@acmeair you lost my bag", null);
        Ticket t = desk.forPost(m, negative(), TICKET);
        assertThat(desk.replyValues(t)).containsEntry("ticket_ref", "#" + t.id()).containsEntry("ticket_link", desk.pageUrl(t));
        Draft withLink = drafter.draft(m, negative(), TICKET, T0, List.of(), desk.replyValues(t));
        assertThat(withLink.text()).contains(desk.pageUrl(t)).contains("#" + t.id());
        linkFree = true;
        Draft noLink = drafter.draft(m, negative(), TICKET, T0, List.of(), desk.replyValues(t));
        assertThat(noLink.text()).doesNotContain("http").contains("#" + t.id()).containsIgnoringCase("DM");
    }

    @Test
    void aRepeatPostsReplySaysItJoinedTheCaseAndOmitsALinkThatWasUsed() {
        Mention first = post("jana", "@acmeair you lost my bag", null);
        Ticket t = desk.forPost(first, negative(), TICKET);
        Mention again = post("jana", "@acmeair still nothing about my bag", null);
        var joined = desk.link(again, negative(), TICKET);
        assertThat(joined.ticketId()).isEqualTo(t.id());
        String text = drafter.draft(again, negative(), TICKET, T0, List.of(), joined.values()).text();
        assertThat(text).contains("#" + t.id()).contains(desk.pageUrl(t)).doesNotContain("opened case");
        assertThat(text).containsAnyOf("added this to your case", "part of case");
        desk.openPage(t); // the customer followed the first reply's link
        Mention third = post("jana", "@acmeair hello??", null);
        String later = drafter.draft(third, negative(), TICKET, T0, List.of(), desk.link(third, negative(), TICKET).values()).text();
        assertThat(later).contains("#" + t.id()).doesNotContain("http");
    }

    @Test
    void agentsAnswerTheCustomerPrivatelyAndNotesStayInternal() {
        Ticket t = desk.forPost(post("jana", "@acmeair you lost my bag", null), negative(), TICKET);
        desk.fromCustomer(t, "Booking ABC123, tag AA 123456, jana@example.com");
        desk.fromAgent(t.id(), "alice", "Customer is a frequent flyer", true);
        assertThat(db.tickets().find(t.id()).orElseThrow().status()).isEqualTo(Ticket.Status.OPEN);
        desk.fromAgent(t.id(), "alice", "We found it; it arrives tomorrow", false);
        assertThat(db.tickets().find(t.id()).orElseThrow().status()).isEqualTo(Ticket.Status.WAITING);
        desk.fromCustomer(t, "Thanks!");
        assertThat(db.tickets().find(t.id()).orElseThrow().status()).isEqualTo(Ticket.Status.OPEN);
        assertThat(db.tickets().messages(t.id())).filteredOn(msg -> !msg.kind().customerSees())
                .extracting(Ticket.Message::body).containsExactly("Customer is a frequent flyer");
    }

    @Test
    void resolvingDraftsAClosingMessageInTheOriginalThreadThatRevealsNothingPrivate() {
        Mention m = post("jana", "@acmeair you lost my bag", null);
        Ticket t = desk.forPost(m, negative(), TICKET);
        desk.fromCustomer(t, "Booking ABC123, jana@example.com, +44 7700 900123");
        desk.fromAgent(t.id(), "alice", "Your bag is at Heathrow, courier ref ZX-991", false);

        Draft closing = desk.resolve(t.id(), "alice").orElseThrow();
        assertThat(settled).containsExactly(closing); // the same approval / unattended path as any reply
        assertThat(closing.work().kind()).isEqualTo(Draft.Kind.CLOSING);
        assertThat(closing.work().ticketId()).isEqualTo(t.id());
        assertThat(closing.status()).isEqualTo(DraftStatus.PENDING);
        assertThat(closing.deadline()).isEqualTo(T0.plus(Duration.ofHours(1))); // behind any first response in the queue
        assertThat(closing.mention().id()).isEqualTo(m.id()); // threaded under the post that opened the ticket
        Ticket resolved = db.tickets().find(t.id()).orElseThrow();
        assertThat(closing.text()).contains("jana").contains("your bag").contains(desk.ratingUrl(resolved))
                .doesNotContain("ABC123", "jana@example.com", "7700", "Heathrow", "ZX-991", resolved.token());
        assertThat(resolved.status()).isEqualTo(Ticket.Status.RESOLVED);
        assertThat(resolved.resolvedBy()).isEqualTo("alice");
        assertThat(desk.resolve(t.id(), "bob")).isEmpty(); // once

        // Approved, it leaves by the outbox like any reply; the reports count it once published.
        assertThat(db.tickets().closingMessagesPublished(T0.minusSeconds(1))).isZero();
        db.drafts().approve(closing.id(), "alice", null, T0);
        var entry = db.outbox().outboxOf(closing.id()).orElseThrow();
        db.outbox().published(entry.id(), "900001", T0.plusSeconds(5));
        assertThat(db.tickets().closingMessagesPublished(T0.minusSeconds(1))).isEqualTo(1);
    }

    @Test
    void aLinkFreeAccountsClosingMessageAsksForTheRatingWithoutALink() {
        linkFree = true;
        Ticket t = desk.forPost(post("jana", "@acmeair you lost my bag", null), negative(), TICKET);
        Draft closing = desk.resolve(t.id(), "alice").orElseThrow();
        assertThat(closing.text()).doesNotContain("http").containsIgnoringCase("how we did");
    }

    @Test
    void aNewPostInTheThreadAfterResolutionReopensTheTicket() {
        Mention m = post("jana", "@acmeair you lost my bag", null);
        Ticket t = desk.forPost(m, negative(), TICKET);
        desk.resolve(t.id(), "alice");
        // Someone else in the thread does not reopen it; the customer does.
        desk.notice(new Triage(post("omar", "@jana same here", m.conversationId()), negative(), null));
        assertThat(db.tickets().find(t.id()).orElseThrow().status()).isEqualTo(Ticket.Status.RESOLVED);
        Mention back = post("jana", "@acmeair the bag arrived but it is damaged", m.conversationId());
        desk.notice(new Triage(back, negative(), null));
        Ticket reopened = db.tickets().find(t.id()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(Ticket.Status.OPEN);
        assertThat(db.tickets().messages(t.id())).extracting(Ticket.Message::body).contains(back.text(),
                "Reopened: the customer posted again in the thread");
        // The same post then reaches the ticket rule: it joins the reopened ticket, once.
        assertThat(desk.forPost(back, negative(), TICKET).id()).isEqualTo(t.id());
        assertThat(db.tickets().messages(t.id())).filteredOn(msg -> back.id().equals(msg.postId())).hasSize(1);
    }

    @Test
    void ratingsAreStoredWithTheTicketAndTheAgentAndTheLinkRatesOnce() {
        Ticket t = desk.forPost(post("jana", "@acmeair you lost my bag", null), negative(), TICKET);
        desk.resolve(t.id(), "alice");
        Ticket resolved = db.tickets().find(t.id()).orElseThrow();
        assertThat(desk.rate(resolved, 4, "  quick and kind  ", false)).isTrue();
        assertThat(desk.rate(resolved, 1, "spite", false)).isFalse(); // the public link cannot overwrite
        Ticket rated = db.tickets().find(t.id()).orElseThrow();
        assertThat(rated.rating()).isEqualTo(4);
        assertThat(rated.ratingComment()).isEqualTo("quick and kind");
        assertThat(rated.resolvedBy()).isEqualTo("alice");
        assertThat(desk.rate(rated, 5, null, true)).isTrue(); // the private page may change it
        assertThat(db.tickets().find(t.id()).orElseThrow().rating()).isEqualTo(5);
        assertThatThrownBy(() -> desk.rate(rated, 6, null, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> desk.rate(rated, 0, null, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
