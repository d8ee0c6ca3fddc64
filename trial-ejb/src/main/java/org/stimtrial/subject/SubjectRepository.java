package org.stimtrial.subject;

import java.util.List;
import java.util.Optional;
import org.stimtrial.study.Study;

/** Participants of a study. */
public interface SubjectRepository {
    Optional<Subject> find(Study study, ScreeningNumber screeningNumber);

    /** Subjects of the study, optionally of one site and one status, by screening number. */
    List<Subject> list(Study study, Optional<String> siteCode, Optional<SubjectStatus> status);

    void add(Subject subject);
}
