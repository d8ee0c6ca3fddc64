package org.stimtrial.user;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.Set;

/** What the web layer needs to enforce site scoping and re-check passwords. */
@Stateless
public class AccessService {
    @PersistenceContext(unitName = "trial")
    private EntityManager em;

    public AccessService() {
    }

    public AccessService(EntityManager em) {
        this.em = em;
    }

    /** The caller's scope from their roles and site assignments. */
    public SiteScope scope(String username, Set<Role> roles) {
        if (!SiteScope.isSiteLimited(roles)) {
            return SiteScope.ALL;
        }
        AppUser user = em.find(AppUser.class, username);
        return SiteScope.of(user == null ? Set.of() : user.siteKeys());
    }

    /** The site code of a participant, if the participant exists. */
    public Optional<String> siteOfSubject(String protocolCode, String screeningNumber) {
        return em.createQuery("SELECT s.site.code FROM Subject s WHERE s.study.protocolCode = :p AND"
                + " s.screeningNumber.value = :n", String.class).setParameter("p", protocolCode)
                .setParameter("n", screeningNumber).getResultStream().findFirst();
    }

    /** The site code of a query's participant, if the query exists and concerns a participant. */
    public Optional<String> siteOfQuery(String protocolCode, long queryId) {
        return em.createQuery("SELECT q.subject.site.code FROM DataQuery q WHERE q.id = :id AND"
                + " q.subject.study.protocolCode = :p", String.class).setParameter("id", queryId)
                .setParameter("p", protocolCode).getResultStream().findFirst();
    }
}
