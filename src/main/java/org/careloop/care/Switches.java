package org.careloop.care;

import java.util.Optional;

/** Settings a person changes at run time from the console, kept across restarts (the unattended kill switch). */
public interface Switches {

    Optional<String> get(String name);

    /** True when the setting is {@code true}; false when it is anything else or was never set. */
    boolean isOn(String name);

    /** Sets the value, in the audit log under {@code actor}. */
    void set(String name, String value, String actor);
}
