package org.careloop.platform;

import java.util.Locale;

/** The social platforms CareLoop watches. */
public enum Platform {
    X, FACEBOOK, INSTAGRAM;

    /** Lower-case name used in URIs, JSON and the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform of(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
