package org.stimtrial.web.security;

/** Names of the web session's attributes that the authentication mechanism and the login page share. */
public final class SessionKeys {
    /** The signed-in user's name. */
    public static final String USER = "stimtrial.user";
    /** The page an unauthenticated visitor asked for, to return to after signing in. */
    public static final String RETURN_TO = "stimtrial.returnTo";

    private SessionKeys() {
    }
}
