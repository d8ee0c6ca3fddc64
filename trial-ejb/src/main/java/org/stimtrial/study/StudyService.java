package org.stimtrial.study;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.stimtrial.shared.UnknownEntityException;

/** Reads study configuration. */
@Stateless
public class StudyService {
    @PersistenceContext(unitName = "trial")
    private EntityManager em;

    public StudyService() {
    }

    public StudyService(EntityManager em) {
        this.em = em;
    }

    public List<StudyView> studies() {
        StudyRepository repo = new JpaStudyRepository(em);
        return repo.studies().stream().map(s -> StudyView.of(s, repo)).toList();
    }

    public StudyView study(String protocolCode) {
        StudyRepository repo = new JpaStudyRepository(em);
        return StudyView.of(require(repo, protocolCode), repo);
    }

    static Study require(StudyRepository repo, String protocolCode) {
        return repo.findStudy(protocolCode).orElseThrow(() -> new UnknownEntityException("study", protocolCode));
    }
}
