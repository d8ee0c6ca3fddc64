package org.stimtrial.analysis.interim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The analysis engine's version (the Maven project version), stored with every result. */
public final class EngineVersion {
    private static final String VERSION = load();

    private EngineVersion() {
    }

    public static String current() {
        return "stimtrial-analysis " + VERSION;
    }

    private static String load() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("/org/stimtrial/analysis/engine.properties")) {
            if (in == null) {
                throw new IllegalStateException("engine.properties is missing from the analysis jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
