package org.stimtrial.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.stimtrial.subject.Subject;
import org.stimtrial.subject.Subjects;

/** Reading a subject's audit trail and verifying the integrity of the whole chain. */
@Stateless
public class AuditService {
    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Resource(lookup = "java:app/jdbc/trial")
    private DataSource dataSource;

    public AuditService() {
    }

    public AuditService(EntityManager em, Clock clock, DataSource dataSource) {
        this.em = em;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    public List<AuditView> subjectTrail(String protocolCode, String screeningNumber) {
        Subject subject = Subjects.require(em, protocolCode, screeningNumber);
        return AuditView.lines(new AuditTrail(em, clock).ofSubject(subject.id()));
    }

    /** Sign-in successes, failures, lockouts and logouts, newest first, optionally of one user name. */
    public List<AuditView> loginEvents(Optional<String> username, int limit) {
        return AuditView.lines(new AuditTrail(em, clock).newestOf("Login", username, limit));
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ChainVerification verifyChain() {
        try (Connection c = dataSource.getConnection()) {
            return new AuditChainVerifier().verify(c);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit chain could not be read: " + e.getMessage(), e);
        }
    }
}
