package org.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorTest {

    /** The team sees "@handle" on X, the name on Facebook (commenters have no handle), never "@null". */
    @Test
    void labelIsTheHandleElseTheName() {
        assertThat(new Author("1", "jana_k", "Jana Kowalski").label()).isEqualTo("@jana_k");
        assertThat(new Author("2", null, "Jana Kowalski").label()).isEqualTo("Jana Kowalski");
        assertThat(new Author("3", " ", null).label()).isEqualTo("a customer");
    }
}
