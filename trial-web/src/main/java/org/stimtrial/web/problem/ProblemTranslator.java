package org.stimtrial.web.problem;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.stimtrial.shared.ConflictException;
import org.stimtrial.shared.DomainException;
import org.stimtrial.shared.FieldError;
import org.stimtrial.shared.NotPermittedException;
import org.stimtrial.shared.StaleVersionException;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.shared.ValidationFailedException;

/**
 * Turns any failure into a problem body: domain rule violations and bad requests into their 4xx, anything unexpected
 * into a 500 that names an incident id (logged with the stack trace) and never shows the trace itself.
 */
public final class ProblemTranslator {
    private static final Logger LOG = Logger.getLogger(ProblemTranslator.class.getName());

    private ProblemTranslator() {
    }

    public static Problem translate(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof DomainException d) {
            return domain(d);
        }
        if (t instanceof ConstraintViolationException cve) {
            return validation(cve);
        }
        if (t instanceof PayloadTooLargeException tooLarge) {
            return Problem.of("payload-too-large", "Request body too large", 413, tooLarge.getMessage());
        }
        Throwable json = find(failure, JsonbException.class, JsonParsingException.class);
        if (json != null) {
            return Problem.of("malformed-json", "Malformed request body", 400,
                    "The request body is not valid JSON for this endpoint: " + clean(json.getMessage()));
        }
        if (find(failure, OptimisticLockException.class) != null) {
            return Problem.of("stale-version", "Concurrent change", 409,
                    "Someone else changed this record at the same moment. Reload it and apply your change again.");
        }
        if (find(failure, jakarta.ws.rs.core.NoContentException.class) != null) {
            return Problem.of("malformed-json", "Missing request body", 400, "This endpoint needs a JSON request body");
        }
        if (t instanceof WebApplicationException wae && wae.getResponse() != null
                && wae.getResponse().getStatus() < 500) {
            int status = wae.getResponse().getStatus();
            return Problem.of("http-" + status, wae.getResponse().getStatusInfo().getReasonPhrase(), status,
                    clean(wae.getMessage()));
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return Problem.of("internal", "Internal error", 500, "The request could not be completed. Nothing was"
                + " saved. Quote incident " + incident + " to the system administrator.").with("incident", incident);
    }

    private static Problem domain(DomainException d) {
        if (d instanceof ValidationFailedException v) {
            return Problem.of(v.kind(), "Invalid data", 422, v.getMessage()).with("errors", errors(v.errors()));
        }
        if (d instanceof StaleVersionException s) {
            return Problem.of(s.kind(), "Stale version", 409, s.getMessage())
                    .with("currentVersion", s.currentVersion()).with("submittedVersion", s.submittedVersion());
        }
        if (d instanceof UnknownEntityException) {
            return Problem.of(d.kind(), "Not found", 404, d.getMessage());
        }
        if (d instanceof ConflictException) {
            return Problem.of(d.kind(), "Conflict", 409, d.getMessage());
        }
        if (d instanceof NotPermittedException) {
            return Problem.of(d.kind(), "Not allowed", 403, d.getMessage());
        }
        return Problem.of(d.kind(), "Request rejected", 400, d.getMessage());
    }

    private static Problem validation(ConstraintViolationException cve) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
            errors.add(new FieldError(field(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        StringBuilder detail = new StringBuilder();
        errors.forEach(e -> detail.append(detail.length() == 0 ? "" : "; ").append(e.field()).append(": ")
                .append(e.message()));
        return Problem.of("validation", "Invalid data", 422, detail.toString()).with("errors", errors(errors));
    }

    /** The property path without the method and parameter nodes: {@code screen.arg1.sex} becomes {@code sex}. */
    static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, PARAMETER, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> names.clear();
                default -> names.add(node.getName());
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static List<Map<String, String>> errors(List<FieldError> errors) {
        return errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof EJBException || current.getClass().getName().endsWith("TransactionRolledbackLocalException"))
                && current.getCause() != null) {
            current = current.getCause();
        }
        Throwable domain = find(t, DomainException.class, PayloadTooLargeException.class,
                ConstraintViolationException.class);
        return domain != null ? domain : current;
    }

    @SafeVarargs
    private static Throwable find(Throwable t, Class<? extends Throwable>... types) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(c)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Parser messages can quote internals; keep the first line, without class names. */
    private static String clean(String message) {
        if (message == null) {
            return "no details";
        }
        String first = message.lines().findFirst().orElse("");
        return first.replaceAll("(\\w+\\.)+(\\w+Exception)", "$2");
    }
}
