package org.stimtrial.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stimtrial.shared.NotPermittedException;
import org.stimtrial.signature.SignatureMeaning;
import org.stimtrial.signature.SignatureService;
import org.stimtrial.user.Role;
import org.stimtrial.visit.Analyte;
import org.stimtrial.visit.AnalyteEntry;
import org.stimtrial.visit.FormEntries.AdherenceEntry;
import org.stimtrial.visit.FormEntries.UrineScreenEntry;
import org.stimtrial.visit.FormViews.AdherenceView;
import org.stimtrial.visit.FormViews.UrineScreenView;
import org.stimtrial.visit.QualitativeResult;
import org.stimtrial.visit.SpecimenSource;
import org.stimtrial.visit.SpecimenValidity;
import org.stimtrial.visit.UrineScreenService;
import org.stimtrial.visit.VisitService;
import org.stimtrial.web.security.CurrentActor;
import org.stimtrial.web.security.PasswordReentry;

/**
 * The other forms of a visit: urine drug screens (one result per analyte of the site's cup), the pill count, and the
 * investigator's electronic signature of the visit (password entered again).
 */
@Named("visitForms")
@ViewScoped
public class VisitFormsBean implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The analytes of the site's point-of-care cup, in the order the form asks for them. */
    static final List<Analyte> CUP = List.of(Analyte.AMPHETAMINE_SCREEN, Analyte.METHAMPHETAMINE_SCREEN,
            Analyte.AMPHETAMINES_SCREEN);

    @EJB
    private UrineScreenService screens;
    @EJB
    private VisitService visits;
    @EJB
    private SignatureService signatures;
    @Inject
    private VisitPageBean page;
    @Inject
    private Navigation nav;
    @Inject
    private CurrentActor actor;
    @Inject
    private PasswordReentry password;

    private final PerRequest<List<UrineScreenView>> specimens = new PerRequest<>();
    private final PerRequest<Optional<AdherenceView>> pillCount = new PerRequest<>();
    private String specimenId;
    private String collectedAt;
    private String source = SpecimenSource.SITE_POC.name();
    private String validity = SpecimenValidity.VALID.name();
    private final LinkedHashMap<String, String> results = new LinkedHashMap<>();
    private Integer dispensed;
    private Integer returned;
    private Integer days;
    private Integer perDay;
    private String adherenceReason;
    private String meaning = SignatureMeaning.REVIEWED_AND_APPROVED.name();
    private String signingPassword;

    public List<UrineScreenView> getScreens() {
        return specimens.get(() -> screens.screens(nav.getProtocol(), page.getN(), page.getV()));
    }

    public String collected(UrineScreenView s) {
        return Ui.at(s.collectedAt(), zone());
    }

    public List<Analyte> getCup() {
        return CUP;
    }

    public void addScreen() {
        page.requireSiteStaff();
        List<AnalyteEntry> entries = new ArrayList<>();
        results.forEach((loinc, result) -> {
            if (result != null && !result.isBlank()) {
                entries.add(new AnalyteEntry(Analyte.byLoinc(loinc).orElseThrow(), QualitativeResult.valueOf(result),
                        Optional.empty()));
            }
        });
        if (entries.isEmpty()) {
            Ui.error(null, "Enter at least one analyte result");
            return;
        }
        java.time.OffsetDateTime at;
        try {
            at = LocalDateTime.parse(collectedAt == null ? "" : collectedAt).atZone(zone()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            Ui.error("urine:collectedAt", "Enter the collection date and time");
            return;
        }
        UrineScreenEntry entry = new UrineScreenEntry(specimenId == null ? "" : specimenId.strip(), at,
                SpecimenSource.valueOf(source), SpecimenValidity.valueOf(validity), entries);
        if (Ui.attempt(() -> screens.addScreen(nav.getProtocol(), page.getN(), page.getV(), entry, actor.ui()),
                Map.of("specimenId", "urine:specimenId", "collectedAt", "urine:collectedAt"))) {
            Ui.info("Urine screen " + entry.specimenId() + " saved");
            specimens.forget();
            specimenId = null;
            collectedAt = null;
            results.clear();
        }
    }

    public Optional<AdherenceView> getAdherence() {
        return pillCount.get(() -> visits.adherence(nav.getProtocol(), page.getN(), page.getV()));
    }

    public void saveAdherence() {
        page.requireSiteStaff();
        Optional<AdherenceView> saved = getAdherence();
        AdherenceEntry entry = new AdherenceEntry(orZero(dispensed), orZero(returned), orZero(days), orZero(perDay));
        if (Ui.attempt(() -> visits.recordAdherence(nav.getProtocol(), page.getN(), page.getV(), entry,
                saved.map(AdherenceView::version).orElse(null), VisitPageBean.blankToNull(adherenceReason),
                actor.ui()), Map.of("unitsDispensed", "pills:dispensed", "unitsReturned", "pills:returned",
                        "days", "pills:days", "unitsPerDay", "pills:perDay", "reason", "pills:reason"))) {
            Ui.info("Pill count saved");
            pillCount.forget();
            adherenceReason = null;
        }
    }

    /** Fills the pill-count form with what is saved, so that a change starts from the saved values. */
    @jakarta.annotation.PostConstruct
    void loadAdherence() {
        getAdherence().ifPresent(a -> {
            dispensed = a.unitsDispensed();
            returned = a.unitsReturned();
            days = a.days();
            perDay = a.unitsPerDay();
        });
    }

    public boolean isInvestigator() {
        return actor.hasRole(Role.INVESTIGATOR);
    }

    public void sign() {
        if (!isInvestigator()) {
            throw new NotPermittedException("role", "only investigators sign");
        }
        String pw = signingPassword == null ? "" : signingPassword;
        signingPassword = null;
        if (Ui.attempt(() -> {
            password.check(pw, "sign " + page.getN() + " visit " + page.getV());
            signatures.sign(actor.ui(), nav.getProtocol(), page.getN(), Optional.of(page.getV()),
                    SignatureMeaning.valueOf(meaning));
        })) {
            Ui.info("Visit " + page.getV() + " signed");
        }
    }

    public List<String> getMeanings() {
        return Arrays.stream(SignatureMeaning.values()).map(Enum::name).toList();
    }

    public List<String> getResultValues() {
        return Arrays.stream(QualitativeResult.values()).map(Enum::name).toList();
    }

    public List<String> getSourceValues() {
        return Arrays.stream(SpecimenSource.values()).map(Enum::name).toList();
    }

    public List<String> getValidityValues() {
        return Arrays.stream(SpecimenValidity.values()).map(Enum::name).toList();
    }

    private java.time.ZoneId zone() {
        return nav.zoneOf(page.getSite());
    }


    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    public String getSpecimenId() {
        return specimenId;
    }

    public void setSpecimenId(String specimenId) {
        this.specimenId = specimenId;
    }

    public String getCollectedAt() {
        return collectedAt;
    }

    public void setCollectedAt(String collectedAt) {
        this.collectedAt = collectedAt;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getValidity() {
        return validity;
    }

    public void setValidity(String validity) {
        this.validity = validity;
    }

    public Map<String, String> getResults() {
        return results;
    }

    public Integer getDispensed() {
        return dispensed;
    }

    public void setDispensed(Integer dispensed) {
        this.dispensed = dispensed;
    }

    public Integer getReturned() {
        return returned;
    }

    public void setReturned(Integer returned) {
        this.returned = returned;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public Integer getPerDay() {
        return perDay;
    }

    public void setPerDay(Integer perDay) {
        this.perDay = perDay;
    }

    public String getAdherenceReason() {
        return adherenceReason;
    }

    public void setAdherenceReason(String adherenceReason) {
        this.adherenceReason = adherenceReason;
    }

    public String getMeaning() {
        return meaning;
    }

    public void setMeaning(String meaning) {
        this.meaning = meaning;
    }

    public String getSigningPassword() {
        return signingPassword;
    }

    public void setSigningPassword(String signingPassword) {
        this.signingPassword = signingPassword;
    }
}
