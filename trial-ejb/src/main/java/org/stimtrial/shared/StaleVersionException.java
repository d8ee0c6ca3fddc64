package org.stimtrial.shared;

/** Optimistic locking: the client edited an older version than the one stored. Nothing was changed. */
public class StaleVersionException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final long currentVersion;
    private final long submittedVersion;

    public StaleVersionException(String what, long submittedVersion, long currentVersion) {
        super(what + " was changed by someone else: you edited version " + submittedVersion
                + ", the stored version is " + currentVersion + ". Reload and apply your change again.");
        this.currentVersion = currentVersion;
        this.submittedVersion = submittedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public long submittedVersion() {
        return submittedVersion;
    }

    @Override
    public String kind() {
        return "stale-version";
    }
}
