package org.careloop.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.careloop.config.Json;
import org.careloop.config.PrivateFiles;

/** A simulator state file: read at start, replaced atomically after every change. */
final class StateFile {

    private StateFile() {}

    /** The saved state, or empty when there is no file (or no path: memory only). */
    static <T> Optional<T> read(Path file, Class<T> type) {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), type));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read simulator state " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Writes the state through a temporary file, so a crash leaves the old or the new state, never half. */
    static void write(Path file, Object state) {
        if (file == null) {
            return;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            PrivateFiles.directories(dir);
            Path tmp = Files.createTempFile(dir, "simulator", ".tmp"); // owner-only, and so the file it becomes
            Json.mapper().writeValue(tmp.toFile(), state);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write simulator state " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
