package org.stimtrial.user;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.stimtrial.audit.Actor;
import org.stimtrial.audit.AuditAction;
import org.stimtrial.audit.AuditTrail;
import org.stimtrial.audit.FieldChange;
import org.stimtrial.shared.ConflictException;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.shared.ValidationFailedException;
import org.stimtrial.study.JpaStudyRepository;
import org.stimtrial.study.Site;
import org.stimtrial.study.Studies;
import org.stimtrial.study.Study;
import org.stimtrial.visit.Reasons;

/**
 * The administrator's view of the accounts and their site assignments. Every change of a user's sites is an audit
 * record with the administrator, the reason and the sites before and after.
 */
@Stateless
public class UserAdministrationService {
    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;

    public UserAdministrationService() {
    }

    public UserAdministrationService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** An account as the administrator sees it (never the password hash). */
    public record UserView(String username, String fullName, List<String> roles, List<String> sites,
                           boolean active, Optional<OffsetDateTime> lockedUntil) {
        public boolean isSiteLimited() {
            return SiteScope.isSiteLimited(roles.stream().map(Role::valueOf).collect(
                    java.util.stream.Collectors.toSet()));
        }
    }

    public List<UserView> users() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return em.createQuery("SELECT u FROM AppUser u ORDER BY u.username", AppUser.class).getResultList().stream()
                .map(u -> new UserView(u.username(), u.fullName(), u.roles().stream().map(Role::name).sorted()
                        .toList(), new TreeSet<>(u.siteKeys()).stream().toList(), u.isActive(),
                        u.lockedUntil().filter(now::isBefore))).toList();
    }

    /** Assigns a site-limited user (coordinator, investigator) to a site of a study. */
    public UserView assign(Actor administrator, String username, String protocolCode, String siteCode,
                           String reason) {
        return change(administrator, username, protocolCode, siteCode, reason, true);
    }

    /** Takes a user off a site. */
    public UserView unassign(Actor administrator, String username, String protocolCode, String siteCode,
                             String reason) {
        return change(administrator, username, protocolCode, siteCode, reason, false);
    }

    private UserView change(Actor administrator, String username, String protocolCode, String siteCode,
                            String reason, boolean assign) {
        String why = Reasons.require(reason);
        AppUser user = Optional.ofNullable(em.find(AppUser.class, username, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new UnknownEntityException("user", username));
        if (!SiteScope.isSiteLimited(user.roles())) {
            throw new ConflictException("not-site-limited", username + " works across all sites; only"
                    + " coordinators and investigators are assigned to sites");
        }
        JpaStudyRepository studies = new JpaStudyRepository(em);
        Study study = Studies.require(studies, protocolCode);
        Site site = studies.findSite(study, siteCode).orElseThrow(() -> new ValidationFailedException("site",
                "no site '" + siteCode + "' in study " + protocolCode));
        String before = String.join(",", new TreeSet<>(user.siteKeys()));
        boolean changed = assign ? !user.siteKeys().contains(SiteScope.key(protocolCode, siteCode))
                : user.unassign(site);
        if (!changed) {
            throw new ConflictException("unchanged", username + (assign ? " already works at " : " does not work at ")
                    + protocolCode + "/" + siteCode);
        }
        if (assign) {
            user.assign(site);
        }
        String after = String.join(",", new TreeSet<>(user.siteKeys()));
        new AuditTrail(em, clock).append(administrator, why, "AppUser", username, null,
                List.of(new FieldChange(AuditAction.UPDATE, "sites", before, after)));
        return users().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }
}
