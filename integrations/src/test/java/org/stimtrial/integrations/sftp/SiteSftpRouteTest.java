package org.stimtrial.integrations.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stimtrial.imports.Delivery;
import org.stimtrial.imports.ImportChannel;
import org.stimtrial.imports.ImportFormat;
import org.stimtrial.imports.Reconciliation;
import org.stimtrial.integrations.Batches;
import org.stimtrial.shared.ValidationFailedException;

/**
 * The SFTP drop route against an in-process SFTP server (Apache MINA SSHD on 127.0.0.1, password login), with the
 * pipeline replaced by a recorder: files are fetched with their site and format and moved on the server; a refused
 * file goes to failed/ with its reason written on the server; a server whose host key is not known gets nothing.
 */
class SiteSftpRouteTest {
    private static final String USER = "site-drop";
    private static final String PASSWORD = "drop secret&=?";

    @TempDir
    Path serverRoot;
    @TempDir
    Path local;
    private SshServer sshd;
    private PublicKey hostKey;
    private final CountDownLatch sessionsClosed = new CountDownLatch(1);
    private final List<Delivery> delivered = new CopyOnWriteArrayList<>();
    private final List<byte[]> contents = new CopyOnWriteArrayList<>();
    private CamelContext camel;

    @BeforeEach
    void startServer() throws Exception {
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(local.resolve("host-key.ser"));
        sshd.setKeyPairProvider(keys);
        sshd.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(serverRoot));
        sshd.addSessionListener(new SessionListener() {
            @Override
            public void sessionClosed(Session session) {
                sessionsClosed.countDown();
            }
        });
        sshd.start();
        hostKey = keys.loadKeys(null).iterator().next().getPublic();
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        sshd.stop(true);
    }

    private void startRoute(PublicKey trusted, boolean refuse) throws Exception {
        Path knownHosts = Files.writeString(local.resolve("known_hosts"), "[127.0.0.1]:" + sshd.getPort() + " "
                + PublicKeyEntry.toString(trusted) + "\n");
        SftpSettings settings = new SftpSettings("127.0.0.1", sshd.getPort(), USER, Optional.of(PASSWORD),
                Optional.empty(), "drop", knownHosts, 100);
        camel = new DefaultCamelContext();
        camel.addRoutes(new SiteSftpRoute(settings, "STIM-301", (d, bytes) -> {
            if (refuse) {
                throw new ValidationFailedException("file", "is too large");
            }
            delivered.add(d);
            contents.add(bytes);
            return Batches.processed(delivered.size(), new Reconciliation(1, 1, 0, 0, 0));
        }));
        camel.start();
    }

    private void upload(String site, String name, String text) throws Exception {
        Path inbox = Files.createDirectories(serverRoot.resolve("drop").resolve(site).resolve("inbox"));
        Path part = Files.writeString(serverRoot.resolve(name + ".part"), text, StandardCharsets.UTF_8);
        Files.move(part, inbox.resolve(name));
    }

    private List<String> names(String dir) throws Exception {
        Path path = serverRoot.resolve("drop").resolve(dir);
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void filesInTheSitesInboxesAreFetchedWithSiteAndFormatAndMovedToDone() throws Exception {
        startRoute(hostKey, false);
        NotifyBuilder done = new NotifyBuilder(camel).whenDone(2).create();
        upload("S01", "urine-2026-11-20.csv", "site,screening_number\nS01,S01-0001\n");
        upload("S02", "epro-0042.xml", "<ODM/>");
        assertTrue(done.matches(30, TimeUnit.SECONDS), "two files fetched");
        Delivery urine = delivered.stream().filter(d -> d.format() == ImportFormat.URINE_SCREEN_CSV).findFirst()
                .orElseThrow();
        assertEquals(ImportChannel.SFTP, urine.channel());
        assertEquals("S01", urine.siteCode().orElseThrow());
        assertEquals("sftp:S01", urine.receivedBy());
        assertEquals(ImportFormat.CRAVING_ODM, delivered.stream().filter(d -> d.siteCode().orElseThrow()
                .equals("S02")).findFirst().orElseThrow().format());
        assertTrue(contents.stream().anyMatch(c -> Arrays.equals(c, "site,screening_number\nS01,S01-0001\n"
                .getBytes(StandardCharsets.UTF_8))), "the bytes as uploaded");
        assertEquals(List.of(), names("S01/inbox"));
        assertTrue(names("S01/done").get(0).startsWith("urine-2026-11-20-"), names("S01/done").toString());
    }

    @Test
    void aRefusedFileMovesToFailedWithItsReasonWrittenOnTheServer() throws Exception {
        startRoute(hostKey, true);
        NotifyBuilder done = new NotifyBuilder(camel).whenDone(2).create();
        upload("S01", "notes.csv", "hello");
        upload("S01", "craving-big.csv", "x");
        assertTrue(done.matches(30, TimeUnit.SECONDS), "two files handled");
        assertEquals(List.of("craving-big.csv", "craving-big.csv.reason.txt", "notes.csv", "notes.csv.reason.txt"),
                names("S01/failed"));
        assertTrue(Files.readString(serverRoot.resolve("drop/S01/failed/craving-big.csv.reason.txt"))
                .contains("too large"));
        assertTrue(Files.readString(serverRoot.resolve("drop/S01/failed/notes.csv.reason.txt"))
                .contains("is not a urine*.csv"));
    }

    @Test
    void aServerWhoseHostKeyIsNotKnownGetsNothingFetched() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        upload("S01", "urine-secret.csv", "site\nS01\n");
        startRoute(generator.generateKeyPair().getPublic(), false);
        assertTrue(sessionsClosed.await(30, TimeUnit.SECONDS), "the client gave up the connection");
        assertEquals(List.of(), delivered);
        assertEquals(List.of("urine-secret.csv"), names("S01/inbox"));
    }
}
