package org.stimtrial.web.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The sites' SFTP drop for the integration tests: an in-process SFTP server (Apache MINA SSHD) on 127.0.0.1 with
 * password login, serving {@code <root>/files}; its host key is written to a known-hosts file for the application.
 */
final class SftpDrop implements AutoCloseable {
    static final String USER = "it-drop";
    static final String PASSWORD = "it-drop-password";

    private final SshServer server;
    private final Path files;
    private final Path knownHosts;

    private SftpDrop(SshServer server, Path files, Path knownHosts) {
        this.server = server;
        this.files = files;
        this.knownHosts = knownHosts;
    }

    static SftpDrop start(Path root) throws IOException, GeneralSecurityException {
        Path files = Files.createDirectories(root.resolve("files"));
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(root.resolve("host-key.ser"));
        server.setKeyPairProvider(keys);
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(files));
        server.start();
        Path knownHosts = Files.writeString(root.resolve("known_hosts"), "[127.0.0.1]:" + server.getPort() + " "
                + PublicKeyEntry.toString(keys.loadKeys(null).iterator().next().getPublic()) + "\n");
        return new SftpDrop(server, files, knownHosts);
    }

    int port() {
        return server.getPort();
    }

    Path knownHosts() {
        return knownHosts;
    }

    /** The directory the application polls, as stored on this machine. */
    Path sites() {
        return files.resolve("sites");
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
