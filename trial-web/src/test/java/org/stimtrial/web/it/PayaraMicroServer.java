package org.stimtrial.web.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the built WAR on Payara Micro once for all integration tests: HTTP bound to 127.0.0.1 on a free port, a
 * fresh H2 file database under {@code target/}, the demo study loaded, the import routes on loopback (drop folders,
 * MLLP, an in-process SFTP drop). Waits for Payara's "ready" line (at most {@link #START_TIMEOUT_SECONDS}) and stops
 * the server when the test run ends. The server log is kept in {@code target/it-server.log} (after a restart,
 * {@code it-server-2.log}).
 */
public final class PayaraMicroServer implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {
    static final int START_TIMEOUT_SECONDS = 240;
    private static PayaraMicroServer running;

    private Process process;
    private int port;
    private int mllpPort;
    private SftpDrop sftp;
    private List<String> command;
    private int launches;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (PayaraMicroServer.class) {
            if (running == null) {
                start();
                running = this;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("payara-micro", this);
            }
        }
    }

    /** The root of the running server's site drop folders ({@code <root>/<site>/inbox}). */
    static Path importFolders() {
        return Path.of(System.getProperty("user.dir")).resolve("target/it-run/imports");
    }

    /** The port of the running server's MLLP listener for laboratory messages (on 127.0.0.1). */
    static int mllpPort() {
        return running().mllpPort;
    }

    /** The root of the sites' SFTP drop as the in-process SFTP server stores it ({@code <root>/<site>/inbox}). */
    static Path sftpSites() {
        return running().sftp.sites();
    }

    /**
     * Kills the server process with SIGKILL (no shutdown hooks, nothing flushed) and starts it again on the same
     * database, folders and ports; returns when the restarted server is ready.
     */
    static void killAndRestart() throws Exception {
        PayaraMicroServer server = running();
        server.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        server.launch();
    }

    private static PayaraMicroServer running() {
        if (running == null) {
            throw new IllegalStateException("the server was not started: use @ExtendWith(PayaraMicroServer.class)");
        }
        return running;
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + running().port;
    }

    private void start() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Path jar = target.resolve("server/payara-micro.jar");
        Path war = target.resolve("trial-web.war");
        if (!Files.exists(jar) || !Files.exists(war)) {
            throw new IllegalStateException("run 'mvn verify' (package first): missing " + jar + " or " + war);
        }
        Path work = target.resolve("it-run");
        deleteTree(work);
        Files.createDirectories(work);
        Path preboot = Path.of("src/test/resources/preboot-loopback.asadmin").toAbsolutePath();
        port = freePort();
        mllpPort = freePort();
        sftp = SftpDrop.start(work.resolve("sftp"));
        command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-Djava.net.preferIPv4Stack=true",
                "-Dtrial.db.class=org.h2.jdbcx.JdbcDataSource",
                "-Dtrial.db.url=jdbc:h2:file:" + work.resolve("db/stimtrial"),
                "-Dtrial.db.user=sa", "-Dtrial.db.password=it",
                "-Dtrial.demo.enabled=true",
                "-Dtrial.import.folders.root=" + work.resolve("imports"),
                "-Dtrial.import.folders.poll-millis=200",
                "-Dtrial.import.mllp.port=" + mllpPort,
                "-Dtrial.import.sftp.enabled=true", "-Dtrial.import.sftp.port=" + sftp.port(),
                "-Dtrial.import.sftp.username=" + SftpDrop.USER, "-Dtrial.import.sftp.password=" + SftpDrop.PASSWORD,
                "-Dtrial.import.sftp.directory=sites", "-Dtrial.import.sftp.known-hosts=" + sftp.knownHosts(),
                "-Dtrial.import.sftp.poll-millis=200",
                "-jar", jar.toString(),
                "--deploy", war.toString(), "--contextroot", "/",
                "--port", Integer.toString(port), "--nocluster", "--disablephonehome",
                "--prebootcommandfile", preboot.toString(),
                "--rootdir", work.resolve("payara").toString()));
        launch();
    }

    private void launch() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        launches++;
        Path log = target.resolve(launches == 1 ? "it-server.log" : "it-server-" + launches + ".log");
        Thread pump = new Thread(() -> pump(log, ready), "payara-micro-log");
        pump.setDaemon(true);
        pump.start();
        try {
            ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Payara Micro did not start; see " + log, e);
        }
    }

    private void pump(Path log, CompletableFuture<Void> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                out.flush();
                if (line.contains("Payara Micro") && line.contains("ready in")) {
                    ready.complete(null);
                }
                if (line.contains("Deployment failed") || line.contains("Exception while loading the app")) {
                    ready.completeExceptionally(new IllegalStateException(line));
                }
            }
            ready.completeExceptionally(new IllegalStateException("Payara Micro exited"));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (sftp != null) {
            sftp.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
