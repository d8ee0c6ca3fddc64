package org.stimtrial.integrations.folder;

import java.util.Locale;
import java.util.Optional;
import org.stimtrial.imports.ImportFormat;

/** Which format a dropped file holds, from its name; and which site sent it, from its folder. */
public final class DropFileNames {
    /** The files a drop folder takes in (Ant patterns, relative to the root): {@code <site>/inbox/<name>.csv|xml}. */
    public static final String INCLUDE = "*/inbox/*.csv,*/inbox/*.CSV,*/inbox/*.xml,*/inbox/*.XML";

    private DropFileNames() {
    }

    /** {@code urine...csv}, {@code craving...csv}, or any {@code .xml} (ePRO, CDISC ODM), in any case. */
    public static Optional<ImportFormat> format(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return Optional.of(ImportFormat.CRAVING_ODM);
        }
        if (name.startsWith("urine")) {
            return Optional.of(ImportFormat.URINE_SCREEN_CSV);
        }
        if (name.startsWith("craving")) {
            return Optional.of(ImportFormat.CRAVING_CSV);
        }
        return Optional.empty();
    }

    /** The site of a file given relative to the root as {@code <site>/inbox/<name>}. */
    public static Optional<String> site(String relativePath) {
        String[] parts = relativePath.replace('\\', '/').split("/");
        return parts.length == 3 && parts[1].equals("inbox") && !parts[0].isBlank() ? Optional.of(parts[0])
                : Optional.empty();
    }
}
