package org.stimtrial.randomization;

/**
 * Where exhaustion alerts go. They must outlive the randomization that failed (which rolls back), so the container's
 * implementation writes them in a transaction of their own.
 */
@FunctionalInterface
public interface AlertSink {
    void raise(String protocolCode, String kind, String stratum, String message, String raisedBy);
}
