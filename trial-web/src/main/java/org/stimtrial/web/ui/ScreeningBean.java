package org.stimtrial.web.ui;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.stimtrial.subject.ScreeningEntry;
import org.stimtrial.subject.Sex;
import org.stimtrial.subject.SubjectService;
import org.stimtrial.subject.SubjectView;
import org.stimtrial.web.security.CurrentActor;

/** Screening a new participant at one of the user's sites; on success the participant's page opens. */
@Named("screening")
@RequestScoped
public class ScreeningBean {
    @EJB
    private SubjectService subjects;
    @Inject
    private CurrentActor actor;
    @Inject
    private Navigation nav;

    private String site;
    private String screeningNumber;
    private String sex;
    private Integer yearOfBirth;
    private LocalDate consentDate;

    /** The user's sites in this study. */
    public List<String> getSites() {
        return nav.getStudy().sites().stream().filter(s -> s.active())
                .map(s -> s.code()).filter(code -> actor.scope().allows(nav.getProtocol(), code)).toList();
    }

    public List<String> getSexes() {
        return java.util.Arrays.stream(Sex.values()).map(Enum::name).toList();
    }

    public String screen() {
        if (site == null || !getSites().contains(site)) {
            Ui.error("screen:site", "Choose one of your sites");
            return null;
        }
        SubjectView[] created = new SubjectView[1];
        boolean ok = Ui.attempt(() -> created[0] = subjects.screen(nav.getProtocol(), new ScreeningEntry(
                screeningNumber == null ? "" : screeningNumber.strip(), site, Sex.valueOf(sex),
                yearOfBirth == null ? 0 : yearOfBirth, consentDate), actor.ui()),
                Map.of("screeningNumber", "screen:number", "yearOfBirth", "screen:yob", "consentDate",
                        "screen:consent", "site", "screen:site", "sex", "screen:sex"));
        return ok ? Ui.redirect(Page.SUBJECT, "n=" + created[0].screeningNumber()) : null;
    }

    public String getSite() {
        return site;
    }

    public void setSite(String site) {
        this.site = site;
    }

    public String getScreeningNumber() {
        return screeningNumber;
    }

    public void setScreeningNumber(String screeningNumber) {
        this.screeningNumber = screeningNumber;
    }

    public String getSex() {
        return sex;
    }

    public void setSex(String sex) {
        this.sex = sex;
    }

    public Integer getYearOfBirth() {
        return yearOfBirth;
    }

    public void setYearOfBirth(Integer yearOfBirth) {
        this.yearOfBirth = yearOfBirth;
    }

    public LocalDate getConsentDate() {
        return consentDate;
    }

    public void setConsentDate(LocalDate consentDate) {
        this.consentDate = consentDate;
    }
}
