package org.careloop.marketing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The praise feed as CSV for spreadsheets: RFC 4180 (quoted where needed, CRLF), UTF-8 with a byte
 * order mark so Excel reads non-Latin text right, a header row.
 *
 * <p>A cell that starts with {@code = + - @}, a tab or a carriage return is prefixed with an
 * apostrophe: posts are written by strangers, and a spreadsheet would run such a cell as a formula
 * (CSV injection). Spreadsheets hide the apostrophe; other readers see it.
 */
public final class PraiseCsv {

    public static final String BOM = "\uFEFF";
    static final String[] HEADER = {"id", "added_at", "posted_at", "platform", "account", "author_handle", "author_name", "text",
        "permalink", "score", "lang", "source", "added_by"};

    private PraiseCsv() {}

    public static String render(List<Praise> items) {
        StringBuilder out = new StringBuilder(BOM);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Praise p : items) {
                csv.printRecord(p.id(), p.addedAt(), p.postedAt(), p.platform().id(), p.account(), safe(p.author().handle()),
                        safe(p.author().name()), safe(p.text()), safe(p.permalink()), String.format(Locale.ROOT, "%.3f", p.score()),
                        p.lang(), p.source().id(), safe(p.addedBy()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
