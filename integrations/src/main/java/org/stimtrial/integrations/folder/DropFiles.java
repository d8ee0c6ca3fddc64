package org.stimtrial.integrations.folder;

import java.util.Optional;
import org.stimtrial.imports.Delivery;
import org.stimtrial.imports.ImportChannel;
import org.stimtrial.imports.ImportFormat;

/**
 * A file found in a site's inbox, local or on an SFTP server ({@code <site>/inbox/<name>}, relative to the drop
 * root): the delivery it makes, and where the reason goes when it is refused ({@code <site>/failed/<name>.reason.txt}).
 */
public final class DropFiles {
    private DropFiles() {
    }

    /** The delivery of the file at {@code relativePath}; an {@link UnknownDropFileException} when it is none. */
    public static Delivery delivery(String protocolCode, ImportChannel channel, String relativePath) {
        String normal = relativePath.replace('\\', '/');
        String name = normal.substring(normal.lastIndexOf('/') + 1);
        Optional<String> site = DropFileNames.site(normal);
        Optional<ImportFormat> format = DropFileNames.format(name);
        if (site.isEmpty() || format.isEmpty()) {
            throw new UnknownDropFileException("'" + name + "' is not a urine*.csv, craving*.csv or *.xml (ePRO)"
                    + " file in a site's inbox");
        }
        String sender = (channel == ImportChannel.SFTP ? "sftp:" : "site-folder:") + site.get();
        return new Delivery(protocolCode, channel, format.get(), site, name, sender);
    }

    /** Where the reason for refusing the file at {@code relativePath} is written, relative to the drop root. */
    public static String reasonPath(String relativePath) {
        String normal = relativePath.replace('\\', '/');
        int slash = normal.lastIndexOf('/');
        String dir = slash < 0 ? "" : normal.substring(0, slash);
        String failed = dir.endsWith("inbox") ? dir.substring(0, dir.length() - "inbox".length()) + "failed"
                : dir + (dir.isEmpty() ? "" : "/") + "failed";
        return failed + "/" + normal.substring(slash + 1) + ".reason.txt";
    }

    /** A file in an inbox that is not a known kind of drop file. */
    public static final class UnknownDropFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownDropFileException(String message) {
            super(message);
        }
    }
}
