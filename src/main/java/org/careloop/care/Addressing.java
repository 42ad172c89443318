package org.careloop.care;

import org.careloop.platform.Mention;
import org.careloop.platform.Platform;

/** How a reply addresses the customer: by first name or handle, never with what the name could smuggle into the brand's words. */
final class Addressing {

    /** X caps display names at 50 characters: a longer name or handle is a platform's odd value, cut before it reaches a reply. */
    static final int NAME_LIMIT = 50;

    private Addressing() {}

    /** The handle as a reply names it: "@jana" where the platform has handles. */
    static String handle(Mention mention) {
        return mention.author().handle() == null ? "" : (atHandles(mention) ? "@" : "") + cut(printable(mention.author().handle()));
    }

    /** Facebook has no @handles: a person is known by their display name only. */
    static boolean atHandles(Mention mention) {
        return mention.platform() != Platform.FACEBOOK;
    }

    /** People are addressed by first name when the display name has one, else by handle. */
    static String firstName(Mention mention) {
        String name = printable(mention.author().name());
        String handle = printable(mention.author().handle());
        if (name != null && !name.isBlank() && (!atHandles(mention) || !name.trim().equalsIgnoreCase(handle))) {
            String first = name.trim().split("\\s+")[0];
            if (first.codePoints().anyMatch(Character::isLetter)) {
                return cut(first);
            }
        }
        return (atHandles(mention) ? "@" : "") + cut(handle);
    }

    /**
     * A customer's name or handle without what would print as nothing, or change how the brand's words
     * around it print, in the published reply. The name is the customer's to choose: a bidi override
     * (U+202E) in it turned the rest of the brand's reply around, and controls (ESC, NUL), zero-width
     * and other format characters, lone surrogates (which UTF-8, and so the platform, cannot carry) and
     * noncharacters went out under the brand's name unseen by the agent approving it. Line breaks and
     * other white space become a plain space. The joiners (U+200C, U+200D) stay: emoji sequences and
     * scripts such as Persian need them.
     */
    static String printable(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || cp == 0x85) {
                b.append(' '); // line breaks and tabs (U+2028 and NEL too) still part words: "Jana\r\nX" is Jana
            } else if (cp == 0x200C || cp == 0x200D || type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                    && (cp & 0xFFFE) != 0xFFFE && (cp < 0xFDD0 || cp > 0xFDEF)) {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    static String cut(String name) {
        return name == null || name.codePointCount(0, name.length()) <= NAME_LIMIT ? name : name.substring(0, name.offsetByCodePoints(0, NAME_LIMIT));
    }
}
