package org.careloop.platform.x;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * X through twitter4j and its v2 extension: the account's mentions and a keyword search, read
 * forward from a {@code since_id} cursor; replies posted in the customer's thread.
 */
public final class XAdapter implements PlatformAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(XAdapter.class);
    static final String MENTIONS = "mentions";
    static final String SEARCH = "search";
    private static final String TWEET_FIELDS = "created_at,conversation_id,in_reply_to_user_id,referenced_tweets,lang,author_id";
    private static final String USER_FIELDS = "name,username";
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(@\\w+\\s+)+");
    /** A poll reads at most this many pages; the rest waits for the next poll (the cursor keeps the place). */
    static final int MAX_PAGES = 10;

    private final XAccount account;
    private final TwitterV2 api;
    private final int maxPages;
    private volatile Identity me;

    public XAdapter(XAccount account) {
        this(account, MAX_PAGES);
    }

    XAdapter(XAccount account, int maxPages) {
        this.account = account;
        this.maxPages = maxPages;
        ConfigurationBuilder cb = new ConfigurationBuilder()
                .setOAuthConsumerKey(account.consumerKey())
                .setOAuthConsumerSecret(account.consumerSecret())
                .setOAuthAccessToken(account.accessToken())
                .setOAuthAccessTokenSecret(account.accessTokenSecret())
                .setRestBaseURL(account.apiUrl() + "1.1/")
                .setHttpConnectionTimeout(10_000)
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
        return account.searchQuery() == null ? List.of(MENTIONS) : List.of(MENTIONS, SEARCH);
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
        List<Mention> found = new ArrayList<>();
        PaginationToken token = null;
        try {
            for (int page = 0; page < maxPages; page++) {
                TweetsResponse r = switch (feed) {
                    case MENTIONS -> api.getUserMentions(Long.parseLong(self.id()), null, "author_id", account.pageSize(), null,
                            token, null, null, cursor.since(), null, TWEET_FIELDS, cursor.until(), USER_FIELDS);
                    case SEARCH -> api.searchRecent(account.searchQuery(), null, "author_id", Math.max(10, account.pageSize()), null,
                            token, null, null, cursor.since(), null, TWEET_FIELDS, cursor.until(), USER_FIELDS);
                    default -> throw new IllegalArgumentException("Unknown feed " + feed);
                };
                for (Tweet t : r.getTweets()) {
                    // Outside the range asked for means delivered before.
                    if (cursor.isNew(t.getId())) {
                        found.add(normalise(t, r.getUsersMap(), self));
                    }
                }
                token = r.getMeta() == null ? null : r.getMeta().getNextToken();
                if (token == null) {
                    break;
                }
            }
        } catch (TwitterException e) {
            throw XErrors.map("read " + feed, e);
        }
        found.sort(Comparator.comparing((Mention m) -> Long.parseLong(m.id())));
        Long newestRead = found.isEmpty() ? null : Long.valueOf(found.get(found.size() - 1).id());
        XCursor next;
        if (token != null && cursor.since() != null && !found.isEmpty()) {
            LOG.info("Account {}: more {} than {} pages; the older ones follow in the next polls", account.name(), feed, maxPages);
            next = cursor.gapBelow(Long.parseLong(found.get(0).id()), newestRead);
        } else {
            if (token != null) {
                LOG.info("Account {}: first read of {}: starting from the newest {} pages", account.name(), feed, maxPages);
            }
            next = cursor.caughtUp(newestRead);
        }
        String nextCursor = next.format();
        return new Batch(found, nextCursor == null ? sinceCursor : nextCursor);
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
