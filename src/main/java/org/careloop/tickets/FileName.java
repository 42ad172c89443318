package org.careloop.tickets;

import java.util.regex.Pattern;

/**
 * The name a customer's file is kept, shown and sent back under: the browser's name is only a
 * label, so nothing in it may disguise the file or reach outside it.
 */
public final class FileName {

    /** The longest name kept; the end is kept, since it carries the extension. */
    static final int MAX = 120;

    /**
     * Characters that show as nothing or change how the rest shows: controls, format characters
     * (bidi overrides and isolates such as U+202E, which shows "invoice\u202Egnp.exe" as
     * "invoiceexe.png", zero-width spaces and joiners, soft hyphens), unassigned and private-use
     * characters, lone surrogates, line and paragraph separators, and the fillers and variation
     * selectors that draw nothing.
     */
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\p{Cc}\\p{Cf}\\p{Cn}\\p{Co}\\p{Cs}\\p{Zl}\\p{Zp}\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u2800\\u3164\\uFE00-\\uFE0F"
                    + "\\uFFA0\\x{E0100}-\\x{E01EF}]");
    /** Runs of spaces of any width, which could push the real extension out of sight. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Zs}]+");

    private FileName() {}

    /** No path, nothing invisible, one plain space between words, no quotes, at most {@value #MAX} characters. */
    public static String safe(String name) {
        String n = INVISIBLE.matcher(name == null ? "" : name).replaceAll("").replaceAll("^.*[/\\\\]", "").replace("\"", "");
        n = SPACES.matcher(n).replaceAll(" ");
        int characters = n.codePointCount(0, n.length());
        n = (characters > MAX ? n.substring(n.offsetByCodePoints(0, characters - MAX)) : n).strip();
        return n.isEmpty() ? "file" : n;
    }
}
