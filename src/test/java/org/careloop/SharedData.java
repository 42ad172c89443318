package org.careloop;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The labelled data beside the checkout ({@code ../shared/data}, or {@code CARELOOP_SHARED_DATA}).
 * Outside CI a checkout without it skips the tests that read it, saying why; in CI it must be there.
 */
public final class SharedData {

    private SharedData() {}

    public static Path dir() {
        String configured = System.getenv("CARELOOP_SHARED_DATA");
        Path dir = Path.of(configured == null || configured.isBlank() ? "../shared/data" : configured);
        if (!Files.isDirectory(dir)) {
            String why = "No labelled data at " + dir.toAbsolutePath().normalize() + " (set CARELOOP_SHARED_DATA)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why + ": CI runs with shared/ beside the checkout");
            }
            System.out.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
        return dir;
    }
}
