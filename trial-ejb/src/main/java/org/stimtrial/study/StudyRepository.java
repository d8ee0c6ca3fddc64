package org.stimtrial.study;

import java.util.List;
import java.util.Optional;

/** Studies with their arms, sites and visit schedules. */
public interface StudyRepository {
    Optional<Study> findStudy(String protocolCode);

    List<Study> studies();

    List<Arm> arms(Study study);

    List<Site> sites(Study study);

    Optional<Site> findSite(Study study, String siteCode);

    /** The visit schedule in visit order. */
    List<VisitDefinition> schedule(Study study);

    Optional<VisitDefinition> findVisitDefinition(Study study, String visitCode);

    void add(Object studyConfigurationEntity);
}
