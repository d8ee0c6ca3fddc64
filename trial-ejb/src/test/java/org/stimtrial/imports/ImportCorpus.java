package org.stimtrial.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A bad-input corpus: a folder of files and an {@code expected.tsv} giving, per file, REJECTED (the whole payload
 * refused), QUARANTINED (its first record kept out) or READ (every record typed), and text the reason must contain.
 */
final class ImportCorpus {
    private ImportCorpus() {
    }

    static Stream<DynamicTest> cases(Path corpus, PayloadReader reader) throws IOException {
        List<String[]> expected = Files.readAllLines(corpus.resolve("expected.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t", -1)).toList();
        try (Stream<Path> files = Files.list(corpus)) {
            assertEquals(expected.size(), files.filter(f -> !f.endsWith("expected.tsv")).count(),
                    "every corpus file is listed in expected.tsv");
        }
        return expected.stream().map(e -> DynamicTest.dynamicTest(e[0], () -> {
            ParsedBatch batch = reader.read(read(corpus.resolve(e[0])));
            switch (e[1]) {
                case "REJECTED" -> assertTrue(batch.rejection().orElse("(accepted)").contains(e[2]),
                        () -> batch.rejection().orElse("(accepted)"));
                case "QUARANTINED" -> {
                    assertEquals(Optional.empty(), batch.rejection());
                    String error = batch.records().get(0).error().orElse("(readable)");
                    assertTrue(error.contains(e[2]), error);
                }
                case "READ" -> {
                    assertEquals(Optional.empty(), batch.rejection());
                    assertTrue(!batch.records().isEmpty() && batch.records().stream()
                            .allMatch(r -> r.item().isPresent()), () -> batch.records().toString());
                }
                default -> throw new IllegalArgumentException("unknown outcome " + e[1] + " in expected.tsv");
            }
        }));
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
