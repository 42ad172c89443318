package org.careloop.rules;

import java.util.List;

/**
 * What a post is about, as the rules name it.
 *
 * @param key   names the reply parts written for it: {@code situation-<key>} and {@code needs-<key>}
 * @param says  how a reply names it ("your bag"), the {@code topic} template variable
 * @param words the words that reveal it, lower case
 */
public record Topic(String key, String says, List<String> words) {}
