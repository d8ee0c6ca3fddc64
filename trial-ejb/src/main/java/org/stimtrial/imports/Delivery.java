package org.stimtrial.imports;

import java.util.Objects;
import java.util.Optional;

/** Who sent what, how: the envelope of a received payload. */
public record Delivery(String protocolCode, ImportChannel channel, ImportFormat format, Optional<String> siteCode,
                      String fileName, String receivedBy) {
    public Delivery {
        Objects.requireNonNull(protocolCode);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(format);
        Objects.requireNonNull(siteCode);
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(receivedBy);
        fileName = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
    }
}
