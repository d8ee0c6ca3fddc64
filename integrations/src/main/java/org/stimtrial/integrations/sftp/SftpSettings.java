package org.stimtrial.integrations.sftp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the sites' SFTP drop is and how to log in: a password or a private key, and the known-hosts file the
 * server's host key must be listed in (it is always checked).
 */
public record SftpSettings(String host, int port, String username, Optional<String> password,
                           Optional<Path> privateKey, String directory, Path knownHosts, long pollMillis) {
    public SftpSettings {
        if (password.isEmpty() && privateKey.isEmpty()) {
            throw new IllegalArgumentException("SFTP needs trial.import.sftp.password or trial.import.sftp.private-key");
        }
    }

    /** The endpoint URI with the connection options (the caller adds consumer or producer options). */
    String endpoint() {
        StringBuilder uri = new StringBuilder("sftp://").append(host).append(':').append(port).append('/')
                .append(directory).append("?username=").append(encode(username));
        password.ifPresent(p -> uri.append("&password=RAW(").append(p).append(')'));
        privateKey.ifPresent(k -> uri.append("&privateKeyFile=").append(encode(k.toAbsolutePath().toString())));
        return uri.append("&knownHostsFile=").append(encode(knownHosts.toAbsolutePath().toString()))
                .append("&strictHostKeyChecking=yes&useUserKnownHostsFile=false&binary=true&connectTimeout=10000")
                .toString();
    }

    /** For logs: where, as whom, without secrets. */
    @Override
    public String toString() {
        return username + "@" + host + ":" + port + "/" + directory;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
