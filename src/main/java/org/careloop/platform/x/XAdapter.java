package org.careloop.platform.x;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.careloop.platform.Author;
import org.careloop.platform.Mention;
import org.careloop.platform.Platform;
import org.careloop.platform.PlatformAdapter;
import org.careloop.platform.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import twitter4j.PaginationToken;
import twitter4j.Tweet;
import twitter4j.TweetsResponse;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterFactory;
import twitter4j.TwitterV2;
import twitter4j.TwitterV2ExKt;
import twitter4j.User2;
import twitter4j.UsersResponse;
import twitter4j.V2ConfigurationKt;
import twitter4j.conf.ConfigurationBuilder;

/**
 * X through twitter4j and its v2 extension: the account's mentions, its own posts (the team's replies
 * written on X) and a keyword search, read forward from a {@code since_id} cursor; replies posted in the customer's thread. Where X's reach
 * ends (recent search's 7 days, the mentions timeline's 800 newest) the feed carries on from what
 * X still serves rather than failing or skipping.
 */
public final class XAdapter implements PlatformAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(XAdapter.class);
    static final String MENTIONS = "mentions";
    static final String SEARCH = "search";
    /** The account's own posts: the replies the team writes on X itself belong to the customers' threads too. */
    static final String REPLIES = "replies";
    private static final String TWEET_FIELDS = "created_at,conversation_id,in_reply_to_user_id,referenced_tweets,lang,author_id";
    private static final String USER_FIELDS = "name,username";
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(@\\w+\\s+)+");
    /** A poll reads at most this many pages; the rest waits for the next poll (the cursor keeps the place). */
    static final int MAX_PAGES = 10;
    /** Recent search reaches the posts of the last 7 days, and refuses a since_id older than that. */
    static final Duration SEARCH_REACH = Duration.ofDays(7);
    /** Reading from X's oldest reach, start a little later: the clocks differ and the request takes time. */
    static final Duration REACH_MARGIN = Duration.ofMinutes(5);
    /** A search read through to now resumes no earlier than this ago, well within X's 7 days. */
    static final Duration KEEP_WITHIN = Duration.ofDays(1);
    /** The mentions timeline gives only the account's 800 newest mentions. */
    static final int MENTIONS_REACH = 800;

    private final XAccount account;
    private final TwitterV2 api;
    private final int maxPages;
    private final Clock clock;
    /** The feeds read from a time because X refused their since_id: warned about once. */
    private final Set<String> outOfReach = ConcurrentHashMap.newKeySet();
    private volatile Identity me;

    public XAdapter(XAccount account) {
        this(account, MAX_PAGES, Clock.systemUTC());
    }

    XAdapter(XAccount account, int maxPages) {
        this(account, maxPages, Clock.systemUTC());
    }

    XAdapter(XAccount account, int maxPages, Clock clock) {
        this.account = account;
        this.maxPages = maxPages;
        this.clock = clock;
        ConfigurationBuilder cb = new ConfigurationBuilder()
                .setOAuthConsumerKey(account.consumerKey())
                .setOAuthConsumerSecret(account.consumerSecret())
                .setOAuthAccessToken(account.accessToken())
                .setOAuthAccessTokenSecret(account.accessTokenSecret())
                .setRestBaseURL(account.apiUrl() + "1.1/")
                .setHttpConnectionTimeout((int) CONNECT_TIMEOUT.toMillis())
                // A call X does not answer in time fails as transient instead of hanging the outbox.
                .setHttpReadTimeout((int) account.readTimeout().toMillis())
                // Never resend on our own: a resent post could be a duplicate; the Publisher checks first.
                .setHttpRetryCount(0)
                .setJSONStoreEnabled(false);
        Twitter twitter = new TwitterFactory(cb.build()).getInstance();
        V2ConfigurationKt.getV2Configuration(twitter.getConfiguration()).setBaseURL(account.apiUrl() + "2/");
        this.api = TwitterV2ExKt.getV2(twitter);
    }

    @Override
    public Platform platform() {
        return Platform.X;
    }

    @Override
    public String account() {
        return account.name();
    }

    @Override
    public List<String> feeds() {
        // Our own posts first (the consumer reads them last and triages them first): a follow-up read in the same poll
        // as the team's reply it answers is decided with it.
        List<String> feeds = new ArrayList<>();
        if (account.ownPosts()) {
            feeds.add(REPLIES);
        }
        feeds.add(MENTIONS);
        if (account.searchQuery() != null) {
            feeds.add(SEARCH);
        }
        return List.copyOf(feeds);
    }

    @Override
    public Identity identify() throws PlatformException {
        if (!account.hasCredentials()) {
            // Say which variables to set rather than letting X answer a bare 401.
            throw new PlatformException(PlatformException.Kind.AUTH, "No X credentials for account " + account.name()
                    + ": set " + String.join(", ", account.secretNames()), null);
        }
        try {
            // The library requires some expansion; the pinned post's id is the cheapest one.
            UsersResponse r = api.getMe("pinned_tweet_id", null, USER_FIELDS);
            User2 u = r.getUsers().get(0);
            me = new Identity(String.valueOf(u.getId()), u.getScreenName(), u.getName());
            return me;
        } catch (TwitterException e) {
            throw XErrors.map("identify the account", e);
        }
    }

    @Override
    public Batch fetch(String feed, String sinceCursor) throws PlatformException {
        Identity self = me != null ? me : identify();
        XCursor cursor = XCursor.parse(sinceCursor);
        Read read = switch (feed) {
            case MENTIONS -> cursor.bySearch() ? mentionsBeyondReach(self, cursor) : mentions(self, cursor);
            case SEARCH -> search(self, cursor);
            case REPLIES -> ownPosts(self, cursor);
            default -> throw new IllegalArgumentException("Unknown feed " + feed);
        };
        String nextCursor = read.next().format();
        return new Batch(read.walk().found(), nextCursor == null ? sinceCursor : nextCursor);
    }

    /** What one poll of a feed read, and where the next resumes. */
    private record Read(Walk walk, XCursor next) {}

    /**
     * The posts of one walk through the pages, oldest first.
     *
     * @param seen how many posts the pages held, new or not
     * @param more the walk stopped at the page limit with pages left
     */
    private record Walk(List<Mention> found, int seen, boolean more) {
        Long newest() {
            return found.isEmpty() ? null : Long.valueOf(found.get(found.size() - 1).id());
        }

        long oldest() {
            return Long.parseLong(found.get(0).id());
        }
    }

    private interface PageRequest {
        TweetsResponse page(PaginationToken token) throws TwitterException;
    }

    private Read mentions(Identity self, XCursor cursor) throws PlatformException {
        Walk w;
        try {
            w = walk(token -> api.getUserMentions(Long.parseLong(self.id()), null, "author_id", account.pageSize(), null,
                    token, null, null, cursor.since(), null, TWEET_FIELDS, cursor.until(), USER_FIELDS), cursor, self);
        } catch (TwitterException e) {
            throw XErrors.map("read " + MENTIONS, e);
        }
        XCursor next = after(MENTIONS, cursor, w);
        // The timeline ends at the account's 800 newest mentions without saying whether it stopped there or at the
        // cursor: after a walk that long, or at the end of a gap, what may lie below is read through search.
        if (!w.more() && cursor.since() != null && (w.seen() >= MENTIONS_REACH || cursor.until() != null)
                && (!w.found().isEmpty() || cursor.until() != null)) {
            long below = w.found().isEmpty() ? cursor.until() : w.oldest();
            LOG.info("Account {}: the mentions timeline may stop at its {} newest; mentions since {} older than {} are read through search",
                    account.name(), MENTIONS_REACH, cursor.since(), below);
            next = cursor.searchBelow(below, w.newest());
        }
        return new Read(w, next);
    }

    /**
     * The account's own posts, retweets left out, flagged as the brand's: a reply an agent wrote on X itself
     * becomes part of the customer's thread (a follow-up is read with it), and is never triaged.
     */
    private Read ownPosts(Identity self, XCursor cursor) throws PlatformException {
        Walk w;
        try {
            w = walk(token -> api.getUserTweets(Long.parseLong(self.id()), null, "retweets", "author_id", account.pageSize(), null,
                    token, null, null, cursor.since(), null, TWEET_FIELDS, cursor.until(), USER_FIELDS), cursor, self);
        } catch (TwitterException e) {
            throw XErrors.map("read " + REPLIES, e);
        }
        // The timeline is the account's by definition, whether or not X expanded each post's author.
        Author brand = new Author(self.id(), self.handle(), self.name());
        List<Mention> own = w.found().stream().map(m -> m.fromBrand() ? m : new Mention(m.platform(), m.account(), m.id(), brand, m.text(),
                m.lang(), m.createdAt(), m.conversationId(), m.inReplyToId(), "https://x.com/" + self.handle() + "/status/" + m.id(),
                m.retweet(), true)).toList();
        return new Read(new Walk(own, w.seen(), w.more()), after(REPLIES, cursor, w));
    }

    /** The mentions below the timeline's reach: a recent search for the account's handle, inside the gap. */
    private Read mentionsBeyondReach(Identity self, XCursor cursor) throws PlatformException {
        Walk w = searchWalk(MENTIONS, "@" + self.handle(), cursor, Duration.ZERO, self);
        return new Read(w, after(MENTIONS, cursor, w));
    }

    private Read search(Identity self, XCursor cursor) throws PlatformException {
        // Search indexes some posts late, after newer ones: read again a little before the cursor; the posts
        // delivered twice stop at the de-duplication (the mention store keeps each post once).
        Walk w = searchWalk(SEARCH, account.searchQuery(), cursor, account.searchOverlap(), self);
        XCursor next = after(SEARCH, cursor, w);
        if (!w.more() && cursor.until() == null) {
            // Read through to now: a quiet search's cursor moves on anyway, so it never ages past X's 7 days.
            next = next.atLeast(XCursor.firstIdAt(clock.instant().minus(KEEP_WITHIN)));
        }
        return new Read(w, next);
    }

    /**
     * A recent search over the cursor's range, reaching {@code overlap} further back. X refuses a
     * since_id older than the 7 days search reaches (after a quiet week, or CareLoop stopped that
     * long): the range is then read from the oldest time X still serves, and the cursor resumes from
     * the newest post read.
     */
    private Walk searchWalk(String feed, String query, XCursor cursor, Duration overlap, Identity self) throws PlatformException {
        int size = Math.max(10, account.pageSize());
        XCursor range = cursor.reachingBack(overlap);
        try {
            Walk w = walk(token -> api.searchRecent(query, null, "author_id", size, null, token, null, null, range.since(), null,
                    TWEET_FIELDS, range.until(), USER_FIELDS), range, self);
            outOfReach.remove(feed);
            return w;
        } catch (TwitterException e) {
            if (range.since() == null || !XErrors.refusesSinceId(e)) {
                throw XErrors.map("read " + feed, e);
            }
            Instant reach = clock.instant().minus(SEARCH_REACH).plus(REACH_MARGIN);
            Instant rangeTime = XCursor.timeOf(range.since());
            Date from = Date.from(rangeTime.isAfter(reach) ? rangeTime : reach);
            if (outOfReach.add(feed)) {
                LOG.warn("Account {}: X refused the {} cursor: since_id {} (made {}) is older than the 7 days recent search reaches. "
                        + "Reading from {} instead; posts before that are out of reach.", account.name(), feed, cursor.since(),
                        XCursor.timeOf(cursor.since()), from.toInstant());
            }
            try {
                // since_id and start_time exclude each other; the range's since still filters what is new.
                return walk(token -> api.searchRecent(query, null, "author_id", size, null, token, null, null, null, from,
                        TWEET_FIELDS, range.until(), USER_FIELDS), range, self);
            } catch (TwitterException again) {
                throw XErrors.map("read " + feed, again);
            }
        }
    }

    private Walk walk(PageRequest request, XCursor range, Identity self) throws TwitterException {
        List<Mention> found = new ArrayList<>();
        int seen = 0;
        PaginationToken token = null;
        for (int page = 0; page < maxPages; page++) {
            TweetsResponse r = request.page(token);
            for (Tweet t : r.getTweets()) {
                seen++;
                // Outside the range asked for means delivered before.
                if (range.isNew(t.getId())) {
                    found.add(normalise(t, r.getUsersMap(), self));
                }
            }
            token = r.getMeta() == null ? null : r.getMeta().getNextToken();
            if (token == null) {
                break;
            }
        }
        found.sort(Comparator.comparing((Mention m) -> Long.parseLong(m.id())));
        return new Walk(found, seen, token != null);
    }

    /** Where the feed resumes after a walk over the cursor's range. */
    private XCursor after(String feed, XCursor cursor, Walk w) {
        // Posts at or below the cursor (a search's overlap) open no gap.
        if (w.more() && cursor.since() != null && !w.found().isEmpty() && w.oldest() > cursor.since()) {
            LOG.info("Account {}: more {} than {} pages; the older ones follow in the next polls", account.name(), feed, maxPages);
            return cursor.gapBelow(w.oldest(), w.newest());
        }
        if (w.more() && cursor.since() == null) {
            LOG.info("Account {}: first read of {}: starting from the newest {} pages", account.name(), feed, maxPages);
        }
        return cursor.caughtUp(w.newest());
    }

    Mention normalise(Tweet t, Map<Long, User2> users, Identity self) {
        User2 u = t.getAuthorId() == null ? null : users.get(t.getAuthorId());
        String authorId = t.getAuthorId() == null ? null : t.getAuthorId().toString();
        Author author = new Author(authorId, u == null ? authorId : u.getScreenName(), u == null ? null : u.getName());
        String id = Long.toString(t.getId());
        String handle = author.handle() == null ? "i" : author.handle();
        boolean retweet = t.getRetweetId() != null || (t.getText() != null && t.getText().startsWith("RT @"));
        Instant created = t.getCreatedAt() == null ? null : t.getCreatedAt().toInstant();
        return new Mention(Platform.X, account.name(), id, author, t.getText(), t.getLang(), created,
                t.getConversationId() == null ? id : t.getConversationId().toString(),
                t.getRepliedToTweetId() == null ? null : t.getRepliedToTweetId().toString(),
                "https://x.com/" + handle + "/status/" + id, retweet, self.id().equals(authorId));
    }

    @Override
    public Published publish(Reply reply) throws PlatformException {
        if (me == null) {
            identify(); // for the permalink's handle, and a clear error when credentials are missing
        }
        try {
            var r = api.createTweet(null, null, null, null, null, null, null, null, null,
                    Long.valueOf(reply.inReplyToId()), null, reply.text());
            String id = Long.toString(r.getId());
            return new Published(id, "https://x.com/" + me.handle() + "/status/" + id);
        } catch (TwitterException e) {
            throw XErrors.map("publish a reply", e);
        }
    }

    /**
     * Looks through the account's own posts newer than the post answered (X's ids grow with time)
     * for a reply to it with the same text. The user timeline rather than recent search: search is
     * indexed with a delay, so a post accepted seconds ago may not be found there yet.
     */
    @Override
    public Optional<Published> findReply(Reply reply) throws PlatformException {
        Identity self = me != null ? me : identify();
        String wanted = comparable(reply.text());
        PaginationToken token = null;
        String found = null;
        try {
            for (int page = 0; page < maxPages; page++) {
                TweetsResponse r = api.getUserTweets(Long.parseLong(self.id()), null, null, null, 100, null, token, null, null,
                        Long.valueOf(reply.inReplyToId()), null, "conversation_id,referenced_tweets", null, null);
                for (Tweet t : r.getTweets()) {
                    // Newest first: the last match is the earliest copy, the one the customer saw first.
                    if (t.getRepliedToTweetId() != null && reply.inReplyToId().equals(t.getRepliedToTweetId().toString())
                            && wanted.equals(comparable(t.getText()))) {
                        found = Long.toString(t.getId());
                    }
                }
                token = r.getMeta() == null ? null : r.getMeta().getNextToken();
                if (token == null) {
                    break;
                }
            }
        } catch (TwitterException e) {
            throw XErrors.map("look for a published reply", e);
        }
        return Optional.ofNullable(found).map(id -> new Published(id, "https://x.com/" + self.handle() + "/status/" + id));
    }

    /**
     * The text as X gives it back, compared loosely where X rewrites a post: HTML entities, links
     * shortened to t.co, leading @mentions of a reply, spacing and Unicode composition.
     */
    static String comparable(String text) {
        if (text == null) {
            return "";
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        t = URL.matcher(t).replaceAll("<link>");
        t = t.replaceAll("\\s+", " ").trim();
        return LEADING_MENTIONS.matcher(t).replaceFirst("").trim();
    }
}
