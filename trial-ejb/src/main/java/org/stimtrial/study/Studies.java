package org.stimtrial.study;

import org.stimtrial.shared.UnknownEntityException;

/** Look-ups that fail with a clear "not found" for other packages' services. */
public final class Studies {
    private Studies() {
    }

    public static Study require(StudyRepository repo, String protocolCode) {
        return StudyService.require(repo, protocolCode);
    }

    public static Site requireSite(StudyRepository repo, Study study, String siteCode) {
        return repo.findSite(study, siteCode).orElseThrow(() -> new UnknownEntityException("site", siteCode));
    }

    public static VisitDefinition requireVisit(StudyRepository repo, Study study, String visitCode) {
        return repo.findVisitDefinition(study, visitCode)
                .orElseThrow(() -> new UnknownEntityException("visit", visitCode));
    }
}
