package org.careloop.web;

import java.util.Optional;

/** Console users; passwords are stored only as bcrypt hashes. */
public interface UserStore {

    enum Role { AGENT, MARKETING, ADMIN }

    record User(String username, String passwordHash, Role role) {}

    Optional<User> find(String username);

    /** Creates or replaces a user. */
    void save(User user);

    /** How many users exist (the first start creates the admin). */
    int count();
}
