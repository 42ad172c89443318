package org.careloop.rules;

/** A rules or template file that cannot be used; the message names the file, the line and the problem. */
public final class RuleException extends RuntimeException {

    public RuleException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
