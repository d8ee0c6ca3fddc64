package org.stimtrial.web.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.stimtrial.shared.DomainException;
import org.stimtrial.shared.FieldError;
import org.stimtrial.shared.ValidationFailedException;

/**
 * What every page bean does the same way: run a service call and turn a refusal into messages on the page (next to
 * the field when the field is known), send a file, show times in a site's time zone.
 */
final class Ui {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private Ui() {
    }

    /** Writes a download to the response. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Runs {@code action}; a rule the domain refuses becomes an error message and the request is marked failed, so
     * that nothing after it on the page counts it as done. {@code fields} maps the service's field names (e.g.
     * {@code responses.vas}) to the client ids of the inputs, where the message is shown.
     */
    static boolean attempt(Runnable action, Map<String, String> fields) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            action.run();
            return true;
        } catch (ValidationFailedException e) {
            for (FieldError error : e.errors()) {
                String clientId = fields.get(error.field());
                faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        clientId == null ? error.field() + ": " + error.message() : error.message(), null));
            }
        } catch (DomainException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        faces.validationFailed();
        return false;
    }

    static boolean attempt(Runnable action) {
        return attempt(action, Map.of());
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void error(String clientId, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
    }

    /** Answers 404 instead of the page, as the API does for something outside the user's sites. */
    static void notFound(String what) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(404, "no such " + what);
        faces.responseComplete();
    }

    /** Sends {@code body} as a file download instead of a page. */
    static void download(String fileName, String contentType, Body body) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(contentType);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        body.writeTo(external.getResponseOutputStream());
        faces.responseComplete();
    }

    /** A point in time as the site sees it, with its zone, e.g. {@code 2026-11-20 14:05 CET}. */
    static String at(OffsetDateTime time, ZoneId zone) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(TIME);
    }

    static String redirect(Page page, String query) {
        return page.path() + "?faces-redirect=true" + (query.isEmpty() ? "" : "&" + query);
    }
}
