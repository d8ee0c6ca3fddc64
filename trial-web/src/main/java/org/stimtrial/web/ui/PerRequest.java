package org.stimtrial.web.ui;

import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A value a view-scoped page bean reads from its service once per request, however often the page asks for it
 * (rendered conditions, tables, charts). An action that changes the data calls {@link #forget()} so that the page
 * it renders next shows the change.
 */
final class PerRequest<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private transient T value;
    private transient FacesContext readFor;

    T get(Supplier<T> read) {
        FacesContext request = FacesContext.getCurrentInstance();
        if (readFor == null || readFor != request) {
            value = read.get();
            readFor = request;
        }
        return value;
    }

    void forget() {
        readFor = null;
        value = null;
    }
}
