package org.letterdesk.query.letter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** The letter view read model: one JSON document per letter and the event sequence it reflects. */
@Entity
@Table(name = "letter_view")
public class StoredLetterView implements Persistable<String> {

    @Id
    @Column(name = "letter_id")
    private String letterId;

    @Column(name = "version", nullable = false)
    private long version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "document", nullable = false)
    private String document;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** New views are inserted without first asking whether the id exists (the projection already knows). */
    @Transient
    private boolean isNew;

    protected StoredLetterView() {
    }

    public StoredLetterView(String letterId) {
        this.letterId = letterId;
        this.version = -1;
        this.isNew = true;
    }

    @Override
    public String getId() {
        return letterId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markNotNew() {
        isNew = false;
    }

    public String letterId() {
        return letterId;
    }

    public long version() {
        return version;
    }

    public String document() {
        return document;
    }

    void update(long version, String document, Instant updatedAt) {
        this.version = version;
        this.document = document;
        this.updatedAt = updatedAt;
    }
}
