package org.stimtrial.web.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every exception leaving a resource becomes an RFC 9457 problem response. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        Problem problem = ProblemTranslator.translate(exception);
        if (uriInfo != null) {
            problem.instance(uriInfo.getRequestUri().getPath());
        }
        return problem.toResponse();
    }
}
