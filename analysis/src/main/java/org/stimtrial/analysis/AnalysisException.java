package org.stimtrial.analysis;

/** A problem with the analysis input or model that the statistician can fix; its message says what and where. */
public class AnalysisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }
}
