package org.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.careloop.platform.Connections;
import org.junit.jupiter.api.Test;

/** The cookie's attributes, which depend on how CareLoop is served; no HTTP server needed. */
class WebEndpointsTest {

    static String sessionCookie(boolean secure) {
        AdminBootstrapTest.Users users = new AdminBootstrapTest.Users();
        users.save(new UserStore.User("agent", BCrypt.withDefaults().hashToString(4, "pw".toCharArray()), UserStore.Role.AGENT));
        WebEndpoints web = new WebEndpoints(new DraftsApi(null, null, users, Duration.ofMinutes(5), Clock.systemUTC()), null, null, new HealthApi(new Connections(), () -> true),
                new Sessions(users, Clock.systemUTC(), Duration.ofHours(1)), null, Optional.empty(), secure);
        Exchange ex = new DefaultExchange(new DefaultCamelContext());
        ex.getMessage().setHeader("Cookie", Access.LOGIN_COOKIE + "=form-token");
        ex.getMessage().setBody("username=agent&password=pw&csrf=form-token");
        web.pages().login(ex);
        assertThat(ex.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(303);
        return ex.getMessage().getHeader("Set-Cookie", String.class);
    }

    @Test
    void theCookieIsSecureWhenServedOverHttps() {
        assertThat(sessionCookie(true)).contains("; Secure").contains("HttpOnly").contains("SameSite=Strict");
        assertThat(sessionCookie(false)).doesNotContain("Secure");
    }
}
