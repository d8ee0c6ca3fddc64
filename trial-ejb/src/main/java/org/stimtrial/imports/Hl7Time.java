package org.stimtrial.imports;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HL7 v2 date-times (DTM: YYYYMMDDHHMM[SS[.S[S[S[S]]]]][+/-ZZZZ]), read to at least the minute. */
final class Hl7Time {
    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})?(?:\\.(\\d{1,4}))?([+-]\\d{4})?");

    private Hl7Time() {
    }

    static Optional<CollectionTime> collection(String value, String field, List<String> errors) {
        if (value == null || value.isBlank()) {
            errors.add(field + " (collection date and time) is empty");
            return Optional.empty();
        }
        Matcher m = DTM.matcher(value.strip());
        if (!m.matches()) {
            errors.add(field + " '" + value + "' is not a date and time to the minute (YYYYMMDDHHMM[SS][+/-ZZZZ])");
            return Optional.empty();
        }
        try {
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            int nanos = m.group(7) == null ? 0
                    : Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), second,
                    nanos);
            Optional<ZoneOffset> offset = Optional.ofNullable(m.group(8)).map(o -> ZoneOffset.ofHoursMinutes(
                    Integer.parseInt(o.substring(0, 3)), Integer.parseInt(o.charAt(0) + o.substring(3))));
            return Optional.of(new CollectionTime(local, offset));
        } catch (DateTimeException e) {
            errors.add(field + " '" + value + "' is not a valid date and time: " + e.getMessage());
            return Optional.empty();
        }
    }
}
