package org.careloop.platform;

import java.time.Instant;

/**
 * Who wrote a post, as the platform knows them.
 *
 * @param id     the platform's user id
 * @param handle the @handle without the at sign (X) or the display name (Facebook)
 * @param name   the display name
 * @param since  when the account was created, or null when the platform does not say (rules on new accounts)
 */
public record Author(String id, String handle, String name, Instant since) {

    public Author(String id, String handle, String name) {
        this(id, handle, name, null);
    }

    /** How the team sees who wrote: "@handle" where the platform has handles, else the name (a Facebook commenter has none). */
    public String label() {
        return handle != null && !handle.isBlank() ? "@" + handle : name != null && !name.isBlank() ? name : "a customer";
    }

    /** The name to greet the person with: display name, else handle. */
    public String greeting() {
        return name != null && !name.isBlank() ? name : handle;
    }
}
