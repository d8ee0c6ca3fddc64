package org.stimtrial.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for failures that happen outside JAX-RS (authentication challenges, unknown paths, container
 * errors): the same problem body as the API, never a server error page with a stack trace.
 */
@WebServlet("/problem")
public class ProblemServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = switch (status) {
            case 401 -> "Log in with your user name and password (HTTP Basic) or an API token (Bearer)";
            case 403 -> "Your role does not allow this action";
            case 404 -> "There is nothing at this address";
            case 405 -> "This address does not accept the method " + request.getMethod();
            case 413 -> "The request body is too large";
            case 400 -> "The request could not be understood";
            default -> "The request could not be completed. Nothing was saved.";
        };
        String kind = switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 413 -> "payload-too-large";
            case 500 -> "internal";
            default -> "http-" + status;
        };
        if (uri != null && isPage(uri.toString(), request.getContextPath())) {
            response.setStatus(status);
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            String home = request.getContextPath() + "/app/home.xhtml";
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>"
                    + HttpStatusTitles.title(status) + " - StimTrial</title><link rel=\"stylesheet\" href=\""
                    + request.getContextPath() + "/jakarta.faces.resource/trial.css.xhtml\"></head><body><main>"
                    + "<h1>" + HttpStatusTitles.title(status) + "</h1><p id=\"problem\">" + detail + "</p><p><a href=\""
                    + home + "\">Back to the dashboard</a></p></main></body></html>");
            return;
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "https://stimtrial.org/problems/" + kind)
                .add("title", HttpStatusTitles.title(status))
                .add("status", status)
                .add("detail", detail);
        if (uri != null) {
            body.add("instance", uri.toString());
        }
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body.build().toString());
    }

    /** Whether the failed request was for a web page (answered with a page) rather than the API. */
    static boolean isPage(String uri, String contextPath) {
        String path = uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
        return path.startsWith("/app/") || path.endsWith(".xhtml");
    }
}
