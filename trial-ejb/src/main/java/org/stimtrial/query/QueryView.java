package org.stimtrial.query;

import java.time.OffsetDateTime;
import java.util.List;

/** A query with its thread, as the API shows it. */
public record QueryView(long id, String subject, String site, String itemRef, String text, String origin,
                        String status, String createdBy, OffsetDateTime createdAt, List<MessageView> messages,
                        long version) {

    /** One message of the thread. */
    public record MessageView(String author, OffsetDateTime writtenAt, String action, String message) {
    }

    static QueryView of(DataQuery q) {
        return new QueryView(q.id(), q.subject().screeningNumber().value(), q.subject().site().code(), q.itemRef(),
                q.text(), q.origin().name(), q.status().name(), q.createdBy(), q.createdAt(),
                q.messages().stream().map(m -> new MessageView(m.author(), m.writtenAt(), m.action().name(),
                        m.message())).toList(), q.version());
    }
}
