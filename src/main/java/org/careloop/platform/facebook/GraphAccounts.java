package org.careloop.platform.facebook;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careloop.config.Settings;
import org.careloop.platform.Connections;
import org.careloop.platform.PlatformAdapter;

/** The Graph API accounts a configuration names, connected: each Facebook Page, and each Instagram account through its Page. */
public final class GraphAccounts {

    private GraphAccounts() {}

    /**
     * The Facebook Pages ({@code careloop.facebook.pages}) and the Instagram accounts linked to them
     * ({@code careloop.instagram.accounts}); an empty list connects none.
     */
    public static void register(Settings settings, Connections connections, Duration sendingLease, String defaultApiUrl) {
        GraphSettings graph = GraphSettings.fromSettings(settings, defaultApiUrl);
        List<FacebookAccount> configured = FacebookAccount.allFromSettings(settings);
        // Only a Graph account publishes through Graph: an X-only setup need not size its lease for Facebook.
        if (!configured.isEmpty() && PlatformAdapter.minimumLease(graph.readTimeout()).compareTo(sendingLease) >= 0) {
            throw new IllegalArgumentException("Setting careloop.outbox.sending-lease (" + sendingLease
                    + ") must be more than " + PlatformAdapter.minimumLease(graph.readTimeout()).toSeconds()
                    + " s: twice the longest Graph API call, careloop.facebook.read-timeout (" + graph.readTimeout() + ") plus the 10 s connect timeout");
        }
        Map<String, FacebookAdapter> pages = new HashMap<>();
        for (FacebookAccount page : configured) {
            FacebookAdapter adapter = new FacebookAdapter(page, graph);
            pages.put(page.name(), adapter);
            connections.register(adapter);
        }
        for (InstagramAccount ig : InstagramAccount.allFromSettings(settings, configured)) {
            FacebookAdapter page = pages.get(ig.page());
            if (page == null) {
                throw new IllegalArgumentException("Setting careloop.instagram." + ig.name() + ".page names Facebook Page '" + ig.page()
                        + "', which is not in careloop.facebook.pages " + pages.keySet());
            }
            connections.register(new InstagramAdapter(ig, page, graph));
        }
    }
}
