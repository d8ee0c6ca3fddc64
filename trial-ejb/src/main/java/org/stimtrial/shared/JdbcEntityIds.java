package org.stimtrial.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Surrogate keys from {@code entity_seq} for rows written with JDBC next to EclipseLink's. Each value the sequence
 * hands out ends a block of {@link #BLOCK} keys that belongs to whoever drew it (EclipseLink uses the block
 * {@code value - 49 .. value} for an allocation size of 50, and so does this class), so the two never collide; many
 * blocks are drawn in one statement.
 */
public final class JdbcEntityIds {
    /** The sequence's increment and the entities' allocation size. */
    public static final int BLOCK = 50;

    private final Connection connection;
    private final String blocksQuery;
    private final Deque<Long> blockEnds = new ArrayDeque<>();
    private long next;
    private long end;

    public JdbcEntityIds(Connection connection) throws SQLException {
        this.connection = connection;
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            blocksQuery = "SELECT nextval('entity_seq') FROM generate_series(1, ?)";
        } else if (product.contains("h2")) {
            blocksQuery = "SELECT NEXT VALUE FOR entity_seq FROM SYSTEM_RANGE(1, ?)";
        } else {
            throw new IllegalStateException("no bulk key query for database " + product);
        }
    }

    /** Whether the next {@code count} keys are drawn already, so that neither {@link #reserve} nor {@link #next} query. */
    public boolean hasReserved(int count) {
        return available() >= count;
    }

    private long available() {
        return (end - next) + (long) blockEnds.size() * BLOCK;
    }

    /** Makes sure that the next {@code count} keys are drawn already, with one statement. */
    public void reserve(int count) throws SQLException {
        long available = available();
        if (available >= count) {
            return;
        }
        int blocks = (int) ((count - available + BLOCK - 1) / BLOCK);
        try (PreparedStatement ps = connection.prepareStatement(blocksQuery)) {
            ps.setInt(1, blocks);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    blockEnds.add(rs.getLong(1));
                }
            }
        }
        if (available() < count) {
            throw new IllegalStateException("entity_seq handed out fewer blocks than asked for");
        }
    }

    /** The next unused key. */
    public long next() throws SQLException {
        if (next == end) {
            if (blockEnds.isEmpty()) {
                reserve(1);
            }
            long last = blockEnds.poll();
            next = last - BLOCK + 1;
            end = last + 1;
        }
        return next++;
    }
}
