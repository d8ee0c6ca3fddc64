package org.stimtrial.demo;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.stimtrial.demo.DemoPlan.DemoSubject;
import org.stimtrial.demo.DemoPlan.StudySpec;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.visit.AdverseEventService;
import org.stimtrial.visit.UrineScreenService;
import org.stimtrial.visit.VisitService;

/** Writes the demo study and each demo participant in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DemoSubjectWriter {
    @PersistenceContext(unitName = "trial")
    private EntityManager em;
    @Inject
    private Clock clock;
    @EJB
    private SubjectService subjects;
    @EJB
    private VisitService visits;
    @EJB
    private UrineScreenService screens;
    @EJB
    private AdverseEventService adverseEvents;

    public void createStudy(StudySpec spec) {
        loader().createStudy(spec);
    }

    public void write(String protocol, DemoSubject subject) {
        loader().loadSubject(protocol, subject);
    }

    private DemoLoader loader() {
        return new DemoLoader(em, clock, subjects, visits, screens, adverseEvents);
    }
}
