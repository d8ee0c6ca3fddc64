package org.stimtrial.imports;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * When a specimen was collected, as a laboratory wrote it: a local date and time, with the UTC offset when the
 * message gave one. Without an offset the time is read in the participant's site time zone.
 */
record CollectionTime(LocalDateTime local, Optional<ZoneOffset> offset) {
    CollectionTime {
        Objects.requireNonNull(local);
        Objects.requireNonNull(offset);
    }

    OffsetDateTime in(ZoneId siteZone) {
        return offset.map(local::atOffset).orElseGet(() -> local.atZone(siteZone).toOffsetDateTime());
    }
}
