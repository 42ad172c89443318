package org.careloop.knowledge;

/** A knowledge file a person must fix: which file, which line, what is wrong. */
public final class KnowledgeException extends RuntimeException {

    private final String file;
    private final int line;
    private final String problem;

    public KnowledgeException(String file, int line, String problem) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
