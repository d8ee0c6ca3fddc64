package org.stimtrial.subject;

import jakarta.persistence.EntityManager;
import org.stimtrial.shared.UnknownEntityException;
import org.stimtrial.study.JpaStudyRepository;
import org.stimtrial.study.Studies;
import org.stimtrial.study.Study;

/** Finds a subject by study and screening number, or fails with a clear "not found". */
public final class Subjects {
    private Subjects() {
    }

    public static Subject require(EntityManager em, String protocolCode, String screeningNumber) {
        Study study = Studies.require(new JpaStudyRepository(em), protocolCode);
        if (!ScreeningNumber.isValid(screeningNumber)) {
            throw new UnknownEntityException("subject", screeningNumber);
        }
        return new JpaSubjectRepository(em).find(study, new ScreeningNumber(screeningNumber))
                .orElseThrow(() -> new UnknownEntityException("subject", screeningNumber));
    }
}
