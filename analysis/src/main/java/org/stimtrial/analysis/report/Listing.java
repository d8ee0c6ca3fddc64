package org.stimtrial.analysis.report;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A listing: a sheet name, typed columns, and a supplier of its rows as a stream (rows may come straight from a
 * database cursor; they are written once, in order, and never held together in memory).
 */
public record Listing(String sheet, List<Table.Column> columns, Supplier<Stream<List<Object>>> rows) {
    public Listing {
        columns = List.copyOf(columns);
    }
}
