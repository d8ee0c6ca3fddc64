package org.stimtrial.shared;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary {@code COPY} format, appended to a growing buffer: a header, then per row the number
 * of fields and each field as its length and bytes (length -1 for a missing value), then a trailer. PostgreSQL takes
 * these values without parsing text: an {@code int8} or {@code int4} as big-endian bytes, text as UTF-8, a
 * {@code timestamptz} as microseconds since 2000-01-01 UTC, a {@code numeric} as base-10000 digits
 * ({@code numeric_send}'s layout). The value's Java type names its column's type: {@link Long} for {@code BIGINT},
 * {@link Integer} for {@code INTEGER}; a {@code bytea} is its bytes as they are.
 */
final class PgBinaryRows {
    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final long POSTGRES_EPOCH_SECONDS = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final int NUMERIC_POSITIVE = 0x0000;
    private static final int NUMERIC_NEGATIVE = 0x4000;
    private static final int DIGITS_PER_GROUP = 4;

    private byte[] bytes = new byte[8192];
    private int size;

    /** Starts with the format's header (signature, no flags, no header extension). */
    PgBinaryRows() {
        append(SIGNATURE);
        int32(0);
        int32(0);
    }

    int size() {
        return size;
    }

    byte[] bytes() {
        return bytes;
    }

    /** Forgets what was appended (after it was sent); the header is not written again. */
    void clear() {
        size = 0;
    }

    void row(Object[] values) {
        int16(values.length);
        for (Object value : values) {
            field(value);
        }
    }

    /** The trailer that ends the data. */
    void end() {
        int16(-1);
    }

    private void field(Object value) {
        if (value instanceof BulkRows.Null) {
            int32(-1);
        } else if (value instanceof Long l) {
            int32(Long.BYTES);
            int64(l);
        } else if (value instanceof Integer i) {
            int32(Integer.BYTES);
            int32(i);
        } else if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            int32(utf8.length);
            append(utf8);
        } else if (value instanceof OffsetDateTime t) {
            int32(Long.BYTES);
            int64(micros(t.toInstant()));
        } else if (value instanceof BigDecimal d) {
            numeric(d);
        } else if (value instanceof byte[] b) {
            int32(b.length);
            append(b);
        } else {
            throw new IllegalArgumentException("no bulk form for " + value);
        }
    }

    /** Microseconds since PostgreSQL's epoch; a finer time is cut to the microsecond, as the columns hold it. */
    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                t.getNano() / 1_000L);
    }

    /**
     * A number as {@code numeric_send} writes it: digit count, weight of the first base-10000 digit, sign, display
     * scale, then the digits without leading or trailing zero groups.
     */
    private void numeric(BigDecimal value) {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        String plain = v.unscaledValue().abs().toString();
        int scale = v.scale();
        if (plain.length() <= scale) {
            plain = "0".repeat(scale - plain.length() + 1) + plain;
        }
        String whole = plain.substring(0, plain.length() - scale);
        String fraction = plain.substring(plain.length() - scale);
        int wholeGroups = (whole.length() + DIGITS_PER_GROUP - 1) / DIGITS_PER_GROUP;
        int fractionGroups = (fraction.length() + DIGITS_PER_GROUP - 1) / DIGITS_PER_GROUP;
        String padded = "0".repeat(wholeGroups * DIGITS_PER_GROUP - whole.length()) + whole + fraction
                + "0".repeat(fractionGroups * DIGITS_PER_GROUP - fraction.length());
        int[] groups = new int[wholeGroups + fractionGroups];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = Integer.parseInt(padded, g * DIGITS_PER_GROUP, (g + 1) * DIGITS_PER_GROUP, 10);
        }
        int first = 0;
        int weight = wholeGroups - 1;
        while (first < groups.length && groups[first] == 0) {
            first++;
            weight--;
        }
        int last = groups.length;
        while (last > first && groups[last - 1] == 0) {
            last--;
        }
        int digits = last - first;
        int32(4 * Short.BYTES + digits * Short.BYTES);
        int16(digits);
        int16(digits == 0 ? 0 : weight);
        int16(v.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE);
        int16(scale);
        for (int g = first; g < last; g++) {
            int16(groups[g]);
        }
    }

    private void int16(int v) {
        ensure(Short.BYTES);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    private void int32(int v) {
        ensure(Integer.BYTES);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
    }

    private void int64(long v) {
        ensure(Long.BYTES);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
    }

    private void append(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
