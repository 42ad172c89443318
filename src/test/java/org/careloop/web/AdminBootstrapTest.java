package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminBootstrapTest {

    static class Users implements UserStore {
        final Map<String, User> users = new HashMap<>();

        public Optional<User> find(String username) {
            return Optional.ofNullable(users.get(username));
        }

        public void save(User user) {
            users.put(user.username(), user);
        }

        public int count() {
            return users.size();
        }
    }

    static boolean verifies(Users users, String password) {
        return BCrypt.verifyer().verify(password.toCharArray(), users.find("admin").orElseThrow().passwordHash()).verified;
    }

    @Test
    void theFirstStartGeneratesAPasswordAndShowsItOnce() {
        Users users = new Users();
        AdminBootstrap.Login first = AdminBootstrap.ensureAdmin(users, Optional.empty());
        assertThat(first.password()).hasSize(16).matches("[A-Za-z0-9]+");
        assertThat(users.find("admin").orElseThrow().role()).isEqualTo(UserStore.Role.ADMIN);
        assertThat(verifies(users, first.password())).isTrue();
        AdminBootstrap.Login second = AdminBootstrap.ensureAdmin(users, Optional.empty());
        assertThat(second.password()).isNull();
        assertThat(verifies(users, first.password())).as("the generated password still works").isTrue();
    }

    @Test
    void theConfiguredPasswordIsSetAndNeverPrinted() {
        Users users = new Users();
        AdminBootstrap.ensureAdmin(users, Optional.empty());
        AdminBootstrap.Login login = AdminBootstrap.ensureAdmin(users, Optional.of("chosen-password"));
        assertThat(login.password()).isNull();
        assertThat(login.fromEnvironment()).isTrue();
        assertThat(verifies(users, "chosen-password")).isTrue();
    }

    /** Another node created the admin between this node's look and its insert: its password stands and this node shows none. */
    @Test
    void aNodeThatLosesTheRaceToCreateTheAdminShowsNoPassword() {
        Users users = new Users() {
            @Override
            public boolean create(User user) {
                users.put(user.username(), new User(user.username(), "$2a$theOtherNodes", user.role()));
                return false;
            }
        };
        AdminBootstrap.Login login = AdminBootstrap.ensureAdmin(users, Optional.empty());
        assertThat(login.password()).isNull();
        assertThat(users.find("admin").orElseThrow().passwordHash()).isEqualTo("$2a$theOtherNodes");
    }

    @Test
    void generatedPasswordsDiffer() {
        assertThat(AdminBootstrap.generate()).isNotEqualTo(AdminBootstrap.generate());
    }

    @Test
    void theMarketingPasswordCreatesTheMarketingUserAndNothingWithout() {
        Users users = new Users();
        assertThat(AdminBootstrap.ensureMarketing(users, Optional.empty())).isFalse();
        assertThat(users.find("marketing")).isEmpty();
        assertThat(AdminBootstrap.ensureMarketing(users, Optional.of("praise-please"))).isTrue();
        UserStore.User marketing = users.find("marketing").orElseThrow();
        assertThat(marketing.role()).isEqualTo(UserStore.Role.MARKETING);
        assertThat(BCrypt.verifyer().verify("praise-please".toCharArray(), marketing.passwordHash()).verified).isTrue();
    }
}
