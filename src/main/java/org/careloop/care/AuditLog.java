package org.careloop.care;

import java.time.Instant;
import java.util.List;

/**
 * Who did what and when: approvals, rejections, publishing, logins. Append only. The stores write
 * their own entries within the transaction of the change they describe.
 */
public interface AuditLog {

    record Entry(long id, Instant at, String actor, String action, String subject, String detail) {}

    void record(String actor, String action, String subject, String detail);

    /** The latest entries, newest first. */
    List<Entry> latest(int limit);
}
