package org.spikelane.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Spikelane's version (filled in by the build) and the JDK's, for summaries and --version. */
public final class Version {
    private Version() {}

    public static String spikelane() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static String jdk() {
        return Runtime.version() + " (" + System.getProperty("java.vm.name", "?") + ")";
    }
}
