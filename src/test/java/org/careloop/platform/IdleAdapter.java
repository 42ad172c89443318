package org.careloop.platform;

import java.util.List;

/** An account that is registered but never called: for tests of what is kept about connections. */
public record IdleAdapter(Platform platform, String account, List<String> feeds) implements PlatformAdapter {

    @Override
    public Batch fetch(String feed, String sinceCursor) {
        throw new UnsupportedOperationException("an idle adapter reads nothing");
    }

    @Override
    public Published publish(Reply reply) {
        throw new UnsupportedOperationException("an idle adapter publishes nothing");
    }

    @Override
    public Identity identify() {
        throw new UnsupportedOperationException("an idle adapter has no identity");
    }
}
