package org.stimtrial.query;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stimtrial.audit.Auditable;
import org.stimtrial.shared.BaseEntity;
import org.stimtrial.shared.ConflictException;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.subject.Subject;

/**
 * A data clarification request about one item of a subject's data (e.g. {@code visit:W03/CRAVING:VAS/responses.vas}),
 * with its message thread.
 */
@Entity
@Table(name = "data_query")
public class DataQuery extends BaseEntity implements Auditable {
    @ManyToOne(optional = false)
    @JoinColumn(name = "subject_id")
    private Subject subject;
    @Column(name = "item_ref", nullable = false)
    private String itemRef;
    @Column(name = "query_text", nullable = false)
    private String text;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QueryOrigin origin;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QueryStatus status;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @OneToMany(mappedBy = "query", cascade = CascadeType.ALL)
    @OrderBy("writtenAt")
    private List<QueryMessage> messages = new ArrayList<>();
    @Version
    private long version;

    protected DataQuery() {
    }

    public DataQuery(Subject subject, String itemRef, String text, QueryOrigin origin, String createdBy,
                     OffsetDateTime createdAt) {
        if (text == null || text.isBlank()) {
            throw new ValidationFailedException("text", "a query needs a text");
        }
        if (itemRef == null || itemRef.isBlank()) {
            throw new ValidationFailedException("itemRef", "a query must point at an item");
        }
        this.subject = Objects.requireNonNull(subject);
        this.itemRef = itemRef;
        this.text = text;
        this.origin = Objects.requireNonNull(origin);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.status = QueryStatus.OPEN;
        messages.add(new QueryMessage(this, createdBy, createdAt, QueryAction.RAISE, text));
    }

    /** Adds a message to the thread and applies its action to the status. */
    public void post(String author, OffsetDateTime at, QueryAction action, String message) {
        if (action == QueryAction.RAISE) {
            throw new ValidationFailedException("action", "a query is raised once, when it is created");
        }
        if (!action.allowedFrom().contains(status)) {
            throw new ConflictException("illegal-transition",
                    "A query that is " + status + " cannot take the action " + action);
        }
        if (message == null || message.isBlank()) {
            throw new ValidationFailedException("message", "is required");
        }
        messages.add(new QueryMessage(this, author, at, action, message));
        this.status = action.resultingStatus(status);
    }

    public Subject subject() {
        return subject;
    }

    public String itemRef() {
        return itemRef;
    }

    public String text() {
        return text;
    }

    public QueryOrigin origin() {
        return origin;
    }

    public QueryStatus status() {
        return status;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public List<QueryMessage> messages() {
        return List.copyOf(messages);
    }

    public long version() {
        return version;
    }

    @Override
    public String auditType() {
        return "DataQuery";
    }

    @Override
    public String auditId() {
        return Long.toString(id());
    }

    @Override
    public long auditSubjectId() {
        return subject.id();
    }

    @Override
    public Map<String, String> auditState() {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("itemRef", itemRef);
        state.put("text", text);
        state.put("origin", origin.name());
        state.put("status", status.name());
        return state;
    }
}
