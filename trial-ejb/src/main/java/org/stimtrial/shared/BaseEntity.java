package org.stimtrial.shared;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;

/** Surrogate key from the shared {@code entity_seq} sequence (IDENTITY columns fail on H2 2.x with EclipseLink 4). */
@MappedSuperclass
public abstract class BaseEntity {
    @Id
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    private Long id;

    protected BaseEntity() {
    }

    /**
     * An entity whose key was drawn beforehand ({@link JdbcEntityIds}), for a row written with JDBC beside
     * EclipseLink's.
     */
    protected BaseEntity(long id) {
        this.id = id;
    }

    /** The database id; present once the entity has been persisted. */
    public long id() {
        if (id == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " has not been persisted yet");
        }
        return id;
    }

    public boolean isPersisted() {
        return id != null;
    }
}
