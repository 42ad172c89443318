package org.careloop.analysis;

/** Makes any post safe and useful to analyse: no control or zero-width characters, links or handles. */
final class TextPrep {

    private TextPrep() {}

    static String clean(String text, int maxChars) {
        return clean(text, maxChars, true);
    }

    /** An emoji's presentation selector after a letter: iOS 11.1 wrote every "I" as "I️" (I + U+FE0F). */
    private static final java.util.regex.Pattern LETTER_VARIATION = java.util.regex.Pattern.compile("(?<=\\p{L})[\\uFE0E\\uFE0F]");

    /** The text with letters as letters: "I️ can't log in" reads "I can't log in" (the selector only styles an emoji). */
    static String plainLetters(String text) {
        return LETTER_VARIATION.matcher(text).replaceAll("");
    }

    /** @param dropHandles remove links and @handles (CoreNLP sentiment); false keeps them for the tokenizer */
    static String clean(String text, int maxChars, boolean dropHandles) {
        if (text == null) {
            return "";
        }
        String s = text.length() > maxChars * 2 ? text.substring(0, maxChars * 2) : text;
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (cp == '\n' || cp == '\t') {
                b.append(' ');
            } else if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || cp == 0xFFFD) {
                // zero-width joiners, bidi marks, NULs, stray bytes: nothing to read
            } else {
                b.appendCodePoint(cp);
            }
        });
        String out = plainLetters(b.toString());
        if (dropHandles) {
            out = out.replaceAll("https?://\\S+", " ").replaceAll("(^|\\s)@\\w+", " ");
        }
        out = out.replaceAll("\\s+", " ").trim();
        if (out.length() > maxChars) {
            int cut = out.lastIndexOf(' ', maxChars);
            out = out.substring(0, cut > maxChars / 2 ? cut : maxChars);
        }
        return out;
    }
}
