package org.careloop.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A brake per client address on the pages that need no login (the customer's ticket page and the
 * rating page): so many requests per window, and far fewer misses (unknown links), so nobody can
 * walk through tokens. Windows start at an address's first request and are forgotten after.
 */
final class AddressLimit {

    private final int requests;
    private final int misses;
    private final Cache<String, AtomicInteger> seen;
    private final Cache<String, AtomicInteger> missed;

    /**
     * @param requests requests per address per window
     * @param misses   unknown links per address per window before the address must wait out the window
     */
    AddressLimit(int requests, int misses, Duration window, Ticker ticker) {
        this.requests = requests;
        this.misses = misses;
        this.seen = Caffeine.newBuilder().expireAfterWrite(window).ticker(ticker).maximumSize(100_000).build();
        this.missed = Caffeine.newBuilder().expireAfterWrite(window).ticker(ticker).maximumSize(100_000).build();
    }

    AddressLimit(int requests, int misses, Duration window) {
        this(requests, misses, window, Ticker.systemTicker());
    }

    /** Counts a request; false when the address has used up its window (or missed too often). */
    boolean allow(String address) {
        AtomicInteger m = missed.getIfPresent(address);
        if (m != null && m.get() >= misses) {
            return false;
        }
        return seen.get(address, a -> new AtomicInteger()).incrementAndGet() <= requests;
    }

    /** Counts a request for a link that does not exist. */
    void miss(String address) {
        missed.get(address, a -> new AtomicInteger()).incrementAndGet();
    }
}
