package org.stimtrial.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.stimtrial.shared.BaseEntity;

/** One message of a query's thread. */
@Entity
@Table(name = "query_message")
public class QueryMessage extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "query_id")
    private DataQuery query;
    @Column(nullable = false)
    private String author;
    @Column(name = "written_at", nullable = false)
    private OffsetDateTime writtenAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QueryAction action;
    @Column(nullable = false)
    private String message;

    protected QueryMessage() {
    }

    QueryMessage(DataQuery query, String author, OffsetDateTime writtenAt, QueryAction action, String message) {
        this.query = query;
        this.author = author;
        this.writtenAt = writtenAt;
        this.action = action;
        this.message = message;
    }

    public String author() {
        return author;
    }

    public OffsetDateTime writtenAt() {
        return writtenAt;
    }

    public QueryAction action() {
        return action;
    }

    public String message() {
        return message;
    }
}
