package org.careloop.platform;

/**
 * Who wrote a post, as the platform knows them.
 *
 * @param id     the platform's user id
 * @param handle the @handle without the at sign (X) or the display name (Facebook)
 * @param name   the display name
 */
public record Author(String id, String handle, String name) {

    /** The name to greet the person with: display name, else handle. */
    public String greeting() {
        return name != null && !name.isBlank() ? name : handle;
    }
}
