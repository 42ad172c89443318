package org.careloop.platform.camel;

import java.util.Optional;

/** Where each account's feed resumes after a restart (X since_id, Facebook since time). */
public interface CursorStore {

    Optional<String> get(String account, String feed);

    void put(String account, String feed, String cursor);
}
