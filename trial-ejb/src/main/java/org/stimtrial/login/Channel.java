package org.stimtrial.login;

import org.stimtrial.audit.Source;

/** How a caller proved who they are. */
public enum Channel {
    /** The web UI's login form. */
    FORM(Source.UI),
    /** HTTP Basic on an API call. */
    BASIC(Source.API),
    /** An API bearer token. */
    BEARER(Source.API),
    /** The password entered again to sign or unblind. */
    REENTRY(Source.API);

    private final Source source;

    Channel(Source source) {
        this.source = source;
    }

    Source source() {
        return source;
    }
}
