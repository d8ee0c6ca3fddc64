package org.stimtrial.web.problem;

import java.io.IOException;

/** Thrown while reading a request body that exceeds the limit. */
public class PayloadTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes");
    }
}
