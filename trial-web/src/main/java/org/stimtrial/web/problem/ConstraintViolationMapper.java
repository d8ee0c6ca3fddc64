package org.stimtrial.web.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures of a request body become 422 with the failing fields. This mapper is more specific than
 * the JAX-RS runtime's own validation mapper, which would answer a bare 400.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        Problem problem = ProblemTranslator.translate(exception);
        if (uriInfo != null) {
            problem.instance(uriInfo.getRequestUri().getPath());
        }
        return problem.toResponse();
    }
}
