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
     * Creates the user unless one of that name exists; of two nodes starting at once against one
     * database exactly one creates it (the first admin's generated password is then the one shown).
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
