package org.stimtrial.web.ui;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.stimtrial.web.security.CurrentActor;

/**
 * Refuses a page to a signed-in user whose roles do not include one of the page's ({@link Page}) with 403, before
 * Faces renders anything. Pages under {@code /app/} that are not declared are refused to everyone, so a new page
 * is closed until its roles are written down. Signing in is the container's business (the security constraint).
 */
@WebFilter(urlPatterns = "/app/*")
public class PageAccessFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    private CurrentActor actor;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Page> page = Page.at(path);
        if (page.filter(p -> p.allows(actor.roles())).isPresent()) {
            response.setHeader("Cache-Control", "no-store");
            chain.doFilter(request, response);
        } else {
            response.sendError(page.isPresent() ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
