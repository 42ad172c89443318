package org.careloop.metrics;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The metric events a bean reported, in words ("publishFailed x brand transient"), for tests. */
public final class RecordedMetrics implements CareMetrics {

    public final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void postsRead(String platform, String account, int posts) {
        events.add("postsRead " + platform + " " + account + " " + posts);
    }

    @Override
    public void postTriaged(String platform, String account) {
        events.add("postTriaged " + platform + " " + account);
    }

    @Override
    public void draftCreated(String platform, String action) {
        events.add("draftCreated " + platform + " " + action);
    }

    @Override
    public void publishAttempted(String platform, String account) {
        events.add("publishAttempted " + platform + " " + account);
    }

    @Override
    public void publishFailed(String platform, String account, String kind) {
        events.add("publishFailed " + platform + " " + account + " " + kind);
    }

    @Override
    public void replyPublished(String platform, String account, long draftId, Instant at) {
        events.add("replyPublished " + platform + " " + account + " " + draftId);
    }

    @Override
    public void slaWarning(String platform, String account) {
        events.add("slaWarning " + platform + " " + account);
    }

    @Override
    public void slaBreach(String platform, String account) {
        events.add("slaBreach " + platform + " " + account);
    }
}
