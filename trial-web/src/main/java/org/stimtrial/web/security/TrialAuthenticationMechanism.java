package org.stimtrial.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.stimtrial.login.Channel;
import org.stimtrial.login.LoginOutcome;
import org.stimtrial.login.LoginOutcome.Authenticated;
import org.stimtrial.login.LoginService;
import org.stimtrial.user.Role;

/**
 * One mechanism for the three ways in. The API takes HTTP Basic or a bearer token on every call and never a session
 * cookie, so a page on another site cannot make a signed-in browser call it (no cross-site request forgery). The web
 * UI takes the login form, which opens a session (with a new id, against session fixation); each later request
 * re-reads the account, so a locked or deactivated user is signed out at once. Unauthenticated UI requests are sent
 * to the login page, API requests get 401 with a challenge.
 */
@ApplicationScoped
public class TrialAuthenticationMechanism implements HttpAuthenticationMechanism {
    static final String LOGIN_PAGE = "/login.xhtml";
    private static final String CHALLENGE = "Basic realm=\"StimTrial\", Bearer realm=\"StimTrial\"";

    @Inject
    private LoginService login;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential form) {
            return formLogin(request, context, form);
        }
        boolean api = isApi(request);
        Optional<Credentials> header = Credentials.of(request.getHeader("Authorization"));
        if (header.isPresent()) {
            LoginOutcome outcome = check(header.get(), request.getRemoteAddr());
            return outcome instanceof Authenticated who ? notify(context, who) : challenge(response, context);
        }
        if (!api) {
            Optional<Authenticated> sessionUser = sessionUser(request);
            if (sessionUser.isPresent()) {
                return notify(context, sessionUser.get());
            }
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (api) {
            return challenge(response, context);
        }
        String query = request.getQueryString();
        request.getSession(true).setAttribute(SessionKeys.RETURN_TO, request.getRequestURI() + (query == null ? "" : "?" + query));
        return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }

    private LoginOutcome check(Credentials credentials, String origin) {
        if (credentials instanceof Credentials.Basic b) {
            return login.authenticate(b.username(), b.password(), Channel.BASIC, origin);
        }
        if (credentials instanceof Credentials.Bearer t) {
            return login.authenticateToken(t.token(), origin);
        }
        return new LoginOutcome.Rejected(LoginOutcome.Reason.UNKNOWN_USER);
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context,
                                           UsernamePasswordCredential form) {
        LoginOutcome outcome = login.authenticate(form.getCaller(), form.getPassword().getValue(), Channel.FORM,
                request.getRemoteAddr());
        if (!(outcome instanceof Authenticated who)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(SessionKeys.USER, who.username());
        return notify(context, who);
    }

    private Optional<Authenticated> sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SessionKeys.USER) instanceof String name)) {
            return Optional.empty();
        }
        Optional<Authenticated> who = login.sessionUser(name);
        if (who.isEmpty()) {
            session.invalidate();
        }
        return who;
    }

    private static AuthenticationStatus notify(HttpMessageContext context, Authenticated who) {
        Set<String> groups = who.roles().stream().map(Role::name).collect(Collectors.toSet());
        return context.notifyContainerAboutLogin(who.username(), groups);
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        return context.responseUnauthorized();
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api");
    }
}
