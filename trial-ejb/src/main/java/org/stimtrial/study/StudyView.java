package org.stimtrial.study;

import java.util.List;

/** A study's configuration as the API shows it. */
public record StudyView(String protocolCode, String title, String protocolVersion, List<ArmView> arms,
                        List<SiteView> sites, List<VisitDefinitionView> schedule) {

    /** The view for blinded roles: which arms exist is left to the protocol document; no arm appears here. */
    public StudyView withoutArms() {
        return new StudyView(protocolCode, title, protocolVersion, List.of(), sites, schedule);
    }

    /** A treatment arm (public protocol information; it says nothing about who is on it). */
    public record ArmView(String code, String name, String drug, String dose, int allocationWeight, boolean placebo) {
        static ArmView of(Arm a) {
            return new ArmView(a.code(), a.name(), a.drug(), a.dose(), a.allocationWeight(), a.isPlacebo());
        }
    }

    /** A site and its time zone. */
    public record SiteView(String code, String name, String timeZone, boolean active) {
        public static SiteView of(Site s) {
            return new SiteView(s.code(), s.name(), s.timeZone().getId(), s.isActive());
        }
    }

    /** One visit of the schedule. */
    public record VisitDefinitionView(String code, String name, int ordinal, Integer week, int targetDay,
                                      int windowBefore, int windowAfter, int urineScreens, List<String> forms) {
        static VisitDefinitionView of(VisitDefinition v) {
            return new VisitDefinitionView(v.code(), v.name(), v.ordinal(), v.week().orElse(null), v.targetDay(),
                    v.windowBefore(), v.windowAfter(), v.urineScreens(),
                    v.expectedForms().stream().map(Enum::name).toList());
        }
    }

    static StudyView of(Study s, StudyRepository repo) {
        return new StudyView(s.protocolCode(), s.title(), s.protocolVersion(),
                repo.arms(s).stream().map(ArmView::of).toList(),
                repo.sites(s).stream().map(SiteView::of).toList(),
                repo.schedule(s).stream().map(VisitDefinitionView::of).toList());
    }
}
