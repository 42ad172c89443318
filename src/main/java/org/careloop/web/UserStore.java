package org.careloop.web;

import java.util.Optional;

/** Console users; passwords are stored only as bcrypt hashes. */
public interface UserStore {

    enum Role { AGENT, MARKETING, ADMIN }

    record User(String username, String passwordHash, Role role) {}

    Optional<User> find(String username);

    /** Creates or replaces a user. */
    void save(User user);

    /**
     * Creates the user unless one of that name exists. A store shared by several nodes makes this
     * atomic (the database's key decides, so of two nodes starting at once exactly one creates the
     * first admin, and its generated password is the one shown); this default, for a store of one
     * process, only checks first.
     *
     * @return whether this call created it
     */
    default boolean create(User user) {
        if (find(user.username()).isPresent()) {
            return false;
        }
        save(user);
        return true;
    }

    /** How many users exist (the first start creates the admin). */
    int count();
}
