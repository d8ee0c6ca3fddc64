package org.stimtrial.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.stimtrial.login.LoginService;
import org.stimtrial.web.security.SessionKeys;

/**
 * The login form: hands the credentials to the authentication mechanism and, once signed in, returns the user to
 * the page they asked for (only ever a page of this application) or to the start page.
 */
@Named
@RequestScoped
public class LoginBean {
    static final String HOME = "/app/home.xhtml";

    @Inject
    private SecurityContext security;
    @Inject
    private FacesContext faces;
    @Inject
    private LoginService login;
    private String username;
    private String password;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username == null ? "" : username,
                        new Password(password == null ? "" : password)))
                .newAuthentication(true));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(request.getContextPath() + returnTo(request));
            faces.responseComplete();
        } else if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
        } else {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Sign-in failed",
                    "The user name or password is wrong, or the account is locked. After "
                            + login.policy().maxFailures() + " failed attempts an account is locked for "
                            + login.policy().lockout().toMinutes() + " minutes."));
        }
    }

    public void logout() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getUserPrincipal() != null) {
            login.loggedOut(request.getUserPrincipal().getName(), request.getRemoteAddr());
        }
        try {
            request.logout();
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException("logout failed: " + e.getMessage(), e);
        }
        external.invalidateSession();
        external.redirect(request.getContextPath() + "/login.xhtml?loggedOut=true");
        faces.responseComplete();
    }

    private static String returnTo(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object saved = session == null ? null : session.getAttribute(SessionKeys.RETURN_TO);
        if (session != null) {
            session.removeAttribute(SessionKeys.RETURN_TO);
        }
        String path = saved instanceof String s ? s.substring(Math.min(s.length(),
                request.getContextPath().length())) : HOME;
        boolean local = path.startsWith("/app/") && !path.startsWith("//") && !path.contains("\\");
        return local ? path : HOME;
    }
}
