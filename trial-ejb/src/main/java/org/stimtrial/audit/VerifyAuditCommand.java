package org.stimtrial.audit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Command line: verifies the audit trail's hash chain directly in the database and names the first broken record.
 * Exit code 0 = intact, 1 = broken, 2 = could not check. The connection comes from {@code TRIAL_DB_URL},
 * {@code TRIAL_DB_USER} and {@code TRIAL_DB_PASSWORD} (or {@code --url}, {@code --user}, {@code --password}).
 */
public final class VerifyAuditCommand {
    private VerifyAuditCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String url = env.get("TRIAL_DB_URL");
        String user = env.getOrDefault("TRIAL_DB_USER", "");
        String password = env.getOrDefault("TRIAL_DB_PASSWORD", "");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--url" -> url = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                default -> {
                    err.println("Unknown option " + args[i] + ". Usage: verify-audit [--url JDBC_URL] [--user U]"
                            + " [--password P]");
                    return 2;
                }
            }
            if (value == null) {
                err.println("Option " + args[i] + " needs a value");
                return 2;
            }
            i++;
        }
        if (url == null || url.isBlank()) {
            err.println("No database given: set TRIAL_DB_URL or pass --url");
            return 2;
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            ChainVerification v = new AuditChainVerifier().verify(c);
            if (v.isIntact()) {
                out.println("Audit trail intact: " + v.recordsChecked() + " records checked, every hash matches.");
                return 0;
            }
            out.println("Audit trail BROKEN at record " + v.firstBrokenSeq().orElseThrow() + ": "
                    + v.problem().orElseThrow() + " (" + v.recordsChecked() + " records before it are intact)");
            return 1;
        } catch (SQLException e) {
            err.println("Cannot read the audit trail from " + url + ": " + e.getMessage().lines().findFirst()
                    .orElse("") + (url.startsWith("jdbc:h2:file") ? "\nAn H2 file database can be opened by one"
                    + " process at a time: stop the server first, or call GET /api/audit/verify while it runs." : ""));
            return 2;
        }
    }
}
