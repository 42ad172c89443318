package org.careloop.tickets;

/**
 * How an account's ticket replies carry the ticket: with the customer page's link, or link-free
 * (a short reference and "continue in a direct message"). On X a post with a URL costs many times
 * one without (pay-per-use: Content Create $0.015, with URL $0.200 per request), so a busy account
 * may prefer link-free replies; Facebook and Instagram replies cost nothing per call.
 *
 * @param costWithLink    what one reply with a link costs on this platform, in US dollars
 * @param costWithoutLink what one reply without a link costs
 */
public record ReplyStyle(String platform, String account, boolean linkFree, double costWithLink, double costWithoutLink) {

    /** The cost of one reply in the style in force. */
    public double costPerReply() {
        return linkFree ? costWithoutLink : costWithLink;
    }
}
