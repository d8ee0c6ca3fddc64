package org.stimtrial.integrations.folder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stimtrial.imports.Delivery;
import org.stimtrial.imports.ImportChannel;
import org.stimtrial.imports.ImportFormat;
import org.stimtrial.imports.Reconciliation;
import org.stimtrial.integrations.Batches;
import org.stimtrial.shared.ValidationFailedException;

/** The drop-folder route on real files in a temporary directory, with the pipeline replaced by a recorder. */
class SiteFolderRouteTest {
    @TempDir
    Path root;
    private final List<Delivery> delivered = new CopyOnWriteArrayList<>();
    private final List<byte[]> contents = new CopyOnWriteArrayList<>();
    private CamelContext camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    private void start(boolean refuse) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new SiteFolderRoute(root, "STIM-301", (d, bytes) -> {
            if (refuse) {
                throw new ValidationFailedException("file", "is too large");
            }
            delivered.add(d);
            contents.add(bytes);
            return Batches.processed(delivered.size(), new Reconciliation(1, 1, 0, 0, 0));
        }, 100));
        camel.start();
    }

    private Path drop(String site, String name, String text) throws Exception {
        Path inbox = Files.createDirectories(root.resolve(site).resolve("inbox"));
        Path tmp = Files.writeString(root.resolve(name + ".tmp"), text, StandardCharsets.UTF_8);
        return Files.move(tmp, inbox.resolve(name));
    }

    private static List<String> names(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDroppedFileIsHandedOverWithItsSiteAndFormatAndMovedToDone() throws Exception {
        start(false);
        NotifyBuilder done = new NotifyBuilder(camel).whenDone(2).create();
        drop("S01", "urine-2026-11-20.csv", "site,screening_number\nS01,S01-0001\n");
        drop("S02", "Cravings week 3.CSV", "site\nS02\n");
        assertTrue(done.matches(20, TimeUnit.SECONDS), "two files taken in");
        assertEquals(2, delivered.size());
        Delivery urine = delivered.stream().filter(d -> d.format() == ImportFormat.URINE_SCREEN_CSV).findFirst()
                .orElseThrow();
        assertEquals("S01", urine.siteCode().orElseThrow());
        assertEquals(ImportChannel.SITE_FOLDER, urine.channel());
        assertEquals("urine-2026-11-20.csv", urine.fileName());
        assertEquals("site-folder:S01", urine.receivedBy());
        assertTrue(contents.stream().anyMatch(c -> java.util.Arrays.equals(c,
                "site,screening_number\nS01,S01-0001\n".getBytes(StandardCharsets.UTF_8))), "the bytes as dropped");
        assertEquals(List.of(), names(root.resolve("S01/inbox")));
        assertEquals(1, names(root.resolve("S01/done")).size());
        assertTrue(names(root.resolve("S01/done")).get(0).startsWith("urine-2026-11-20-"));
    }

    @Test
    void aFileOfUnknownKindOrARefusedFileMovesToFailedWithItsReason() throws Exception {
        start(true);
        NotifyBuilder done = new NotifyBuilder(camel).whenDone(2).create();
        drop("S01", "notes.csv", "hello");
        drop("S01", "urine-big.csv", "x");
        assertTrue(done.matches(20, TimeUnit.SECONDS));
        assertEquals(List.of("notes.csv", "notes.csv.reason.txt", "urine-big.csv", "urine-big.csv.reason.txt"),
                names(root.resolve("S01/failed")));
        assertTrue(Files.readString(root.resolve("S01/failed/urine-big.csv.reason.txt")).contains("too large"));
        assertTrue(Files.readString(root.resolve("S01/failed/notes.csv.reason.txt")).contains("not a urine"));
        assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(root.resolve(
                "S01/failed/urine-big.csv")), "the file is kept as it was");
    }

    @Test
    void namesAndFoldersAreReadWithoutCamel() {
        assertEquals(ImportFormat.CRAVING_CSV, DropFileNames.format("CRAVING_S01.csv").orElseThrow());
        assertTrue(DropFileNames.format("labs.csv").isEmpty());
        assertEquals(ImportFormat.CRAVING_ODM, DropFileNames.format("epro-2026-11-15.XML").orElseThrow());
        assertEquals("S03", DropFileNames.site("S03/inbox/urine.csv").orElseThrow());
        assertTrue(DropFileNames.site("S03/urine.csv").isEmpty());
    }
}
