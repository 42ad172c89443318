package org.careloop.care;

import org.careloop.platform.Platform;

/**
 * The longest reply each platform takes, counted its way: X by weight (a link 23, CJK and emoji 2),
 * Facebook and Instagram by characters. Drafts are cut to it and an agent's text is held to it at
 * approval, so no reply the platform must refuse reaches the outbox (where it would be retried until
 * the account looked unhealthy).
 */
public final class ReplyLength {

    /** A Facebook comment's message. */
    static final int FACEBOOK = 8000;
    /** An Instagram comment's text. */
    static final int INSTAGRAM = 2200;

    static final String ELLIPSIS = "…";

    private ReplyLength() {}

    public static int limit(Platform platform) {
        return switch (platform) {
            case X -> XText.LIMIT;
            case FACEBOOK -> FACEBOOK;
            case INSTAGRAM -> INSTAGRAM;
        };
    }

    /** Whether the platform takes the text. */
    public static boolean fits(Platform platform, String text) {
        return platform == Platform.X ? XText.fits(text, XText.LIMIT) : characters(text) <= limit(platform);
    }

    /** Why the platform would refuse the text, naming its limit (for an agent who wrote too much). */
    public static String tooLong(Platform platform, String text) {
        if (platform == Platform.X) {
            return "The reply is longer than X takes: the limit is " + XText.LIMIT + " characters as X counts them (a link counts 23, CJK and emoji 2)";
        }
        return "The reply is " + characters(text) + " characters; the limit is " + limit(platform) + " on "
                + (platform == Platform.FACEBOOK ? "Facebook" : "Instagram");
    }

    /** Cuts the text to the platform's limit at a word boundary, with an ellipsis. */
    public static String fit(Platform platform, String text) {
        if (platform == Platform.X) {
            return XText.fit(text, XText.LIMIT);
        }
        int limit = limit(platform);
        if (characters(text) <= limit) {
            return text;
        }
        String room = text.substring(0, text.offsetByCodePoints(0, limit - ELLIPSIS.length()));
        int space = room.lastIndexOf(' ');
        return (space > 0 ? room.substring(0, space) : room).stripTrailing() + ELLIPSIS;
    }

    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }
}
