package org.careloop.tickets;

import java.util.Optional;
import java.util.Set;
import org.apache.tika.Tika;

/**
 * What a customer may send on a ticket's private page: a message of at most {@code maxMessageChars},
 * at most {@code maxFilesPerMessage} files at a time and {@code maxFilesPerTicket} on the ticket in
 * all, each of at most {@code maxBytes} and of one of the {@code types}. Refusals are worded for the
 * customer; the page shows them as they are.
 */
public record UploadRules(long maxBytes, int maxFilesPerMessage, int maxFilesPerTicket, int maxMessageChars, Set<String> types) {

    public static final Set<String> DEFAULT_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf",
            "text/plain");
    /** The longest message on a ticket, from the customer or the team. */
    public static final int MESSAGE_CHARS = 5000;

    /** Tika reads the bytes: a file's name and the browser's word for its type are not trusted. */
    private static final Tika TIKA = new Tika();

    /** {@code careloop.tickets.attachment-*}: the defaults where they are not set. */
    public static UploadRules fromSettings(org.careloop.config.Settings settings) {
        UploadRules d = defaults();
        String types = settings.get("careloop.tickets.attachment-types", "");
        return new UploadRules(settings.getInt("careloop.tickets.attachment-max-kb", (int) (d.maxBytes() / 1024)) * 1024L,
                settings.getInt("careloop.tickets.attachments-per-message", d.maxFilesPerMessage()),
                settings.getInt("careloop.tickets.attachments-per-ticket", d.maxFilesPerTicket()), d.maxMessageChars(),
                types.isBlank() ? d.types() : Set.of(types.trim().split("\\s*,\\s*")));
    }

    public static UploadRules defaults() {
        return new UploadRules(5L * 1024 * 1024, 3, 20, MESSAGE_CHARS, DEFAULT_TYPES);
    }

    /**
     * Why a message cannot be sent as it is, or empty when it can: it says and sends nothing, it is
     * too long, or it brings more files than a message, or the ticket, may hold.
     *
     * @param text          the message, stripped
     * @param files         how many files it brings (empty ones aside)
     * @param filesOnTicket how many files the ticket holds already
     */
    public Optional<String> refusal(String text, int files, int filesOnTicket) {
        if (text.isEmpty() && files == 0) {
            return Optional.of("Write a message or choose a file to send.");
        }
        if (text.length() > maxMessageChars) {
            return Optional.of("Your message is longer than " + maxMessageChars + " characters; please shorten it.");
        }
        if (files > maxFilesPerMessage) {
            return Optional.of("Up to " + maxFilesPerMessage + " files at a time, please.");
        }
        if (filesOnTicket + files > maxFilesPerTicket) {
            return Optional.of("This case already holds the most files it can take (" + maxFilesPerTicket
                    + "); describe the rest in words, or reply to our team's message.");
        }
        return Optional.empty();
    }

    /** A file's type as its bytes tell, or (with {@code refusal} set) why it cannot be kept. */
    public record FileCheck(String type, String refusal) {

        public boolean accepted() {
            return refusal == null;
        }
    }

    /**
     * Checks one file: not too large, and of a kind accepted as its bytes tell.
     *
     * @param filename the file's {@linkplain FileName#safe safe name}: named in a refusal, and a hint to Tika
     */
    public FileCheck check(String filename, byte[] content) {
        if (content.length > maxBytes) {
            return new FileCheck(null, filename + " is " + size(content.length) + "; files may be up to " + size(maxBytes) + ".");
        }
        String type = TIKA.detect(content, filename);
        if (!types.contains(type)) {
            return new FileCheck(type, filename + " is not a kind of file we accept (" + type
                    + "); please send a photo or screenshot (PNG, JPEG, GIF, WebP), a PDF or a text file.");
        }
        return new FileCheck(type, null);
    }

    /** A file's size for people: 900 B, 12 KB, 4.8 MB. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
