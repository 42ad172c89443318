package org.careloop.platform.facebook;

import java.util.ArrayList;
import java.util.List;
import org.careloop.config.Settings;

/**
 * One Instagram professional account linked to a Facebook Page ({@code careloop.instagram.accounts}),
 * reached with that Page's token.
 *
 * @param name     the configured name, e.g. {@code brand}; the CareLoop account is {@code instagram-<name>}
 * @param page     the configured Page ({@code careloop.instagram.<name>.page}, default the same name)
 * @param igUserId the Instagram account's id, or null to take it from the Page ({@code instagram_business_account})
 */
public record InstagramAccount(String name, String page, String igUserId) {

    public String account() {
        return "instagram-" + name;
    }

    /**
     * The configured accounts; by default the simulator's, linked to the Page {@code brand}, when the
     * simulator runs and that Page is watched, else none.
     */
    public static List<InstagramAccount> allFromSettings(Settings settings, List<FacebookAccount> pages) {
        List<InstagramAccount> out = new ArrayList<>();
        boolean simulated = settings.simulatorOn()
                && pages.stream().anyMatch(p -> p.name().equals("brand"));
        for (String raw : settings.get("careloop.instagram.accounts", simulated ? "brand" : "").split(",")) {
            String name = raw.trim();
            if (!name.isEmpty()) {
                String prefix = "careloop.instagram." + name + ".";
                String id = settings.get(prefix + "ig-user-id", "");
                out.add(new InstagramAccount(name, settings.get(prefix + "page", name), id.isBlank() ? null : id));
            }
        }
        return out;
    }
}
