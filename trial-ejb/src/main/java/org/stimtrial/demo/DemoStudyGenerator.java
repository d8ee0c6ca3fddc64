package org.stimtrial.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.stimtrial.demo.DemoPlan.ArmSpec;
import org.stimtrial.demo.DemoPlan.DemoSpecimen;
import org.stimtrial.demo.DemoPlan.DemoSubject;
import org.stimtrial.demo.DemoPlan.DemoVisit;
import org.stimtrial.demo.DemoPlan.EndOfStudy;
import org.stimtrial.demo.DemoPlan.SiteSpec;
import org.stimtrial.demo.DemoPlan.StudySpec;
import org.stimtrial.demo.DemoPlan.VisitSpec;
import org.stimtrial.instrument.Instrument;
import org.stimtrial.instrument.InstrumentCatalog;
import org.stimtrial.instrument.InstrumentItem;
import org.stimtrial.study.FormType;
import org.stimtrial.subject.ScreeningEntry;
import org.stimtrial.subject.Sex;
import org.stimtrial.subject.SubjectStatus;
import org.stimtrial.visit.AdverseEventEntry;
import org.stimtrial.visit.AdverseEventTerms.ActionTaken;
import org.stimtrial.visit.AdverseEventTerms.Outcome;
import org.stimtrial.visit.AdverseEventTerms.Relatedness;

/**
 * Generates the demo study from a seed: five sites, about 110 screened participants of whom about 100 are randomized
 * (arms drawn by the generator, demo only), with craving falling over the weeks (faster on bupropion and NAC),
 * urine screens turning negative more often over time, missed visits, dropouts and a few adverse events. Everything
 * happens on or before {@code lastDay}, so no date is in the future.
 */
public final class DemoStudyGenerator {
    static final String PROTOCOL = "STIM-301";
    private static final List<String> AE_TERMS = List.of("Headache", "Insomnia", "Nausea", "Dry mouth", "Anxiety",
            "Dizziness", "Decreased appetite", "Fatigue");
    private static final Map<String, Double> VAS_SLOPE = Map.of("placebo", -0.8, "bupropion", -1.4, "nac", -1.25,
            "modafinil", -0.9, "baclofen", -0.8);
    private static final Map<String, Double> UDS_SLOPE = Map.of("placebo", 0.04, "bupropion", 0.16, "nac", 0.13,
            "modafinil", 0.05, "baclofen", 0.04);

    private final Random random;
    private final LocalDate lastDay;
    private final Instrument bscs;
    private final Instrument acq;
    private int kitCounter = 10001;
    private int specimenCounter = 500001;

    public DemoStudyGenerator(long seed, LocalDate lastDay) {
        this.random = new Random(seed);
        this.lastDay = lastDay;
        InstrumentCatalog catalog = InstrumentCatalog.shipped();
        this.bscs = catalog.find("BSCS").orElseThrow();
        this.acq = catalog.find("ACQ").orElseThrow();
    }

    public static StudySpec studySpec() {
        List<ArmSpec> arms = List.of(
                new ArmSpec("placebo", "Placebo", "Matching placebo", "1 capsule twice daily", 1, true),
                new ArmSpec("bupropion", "Bupropion SR", "Bupropion hydrochloride SR", "150 mg twice daily", 1, false),
                new ArmSpec("modafinil", "Modafinil", "Modafinil", "200 mg once daily", 1, false),
                new ArmSpec("nac", "N-acetylcysteine", "N-acetylcysteine", "1200 mg twice daily", 1, false),
                new ArmSpec("baclofen", "Baclofen", "Baclofen", "20 mg three times daily", 1, false));
        List<SiteSpec> sites = List.of(
                new SiteSpec("S01", "Los Angeles Addiction Research Clinic", "America/Los_Angeles"),
                new SiteSpec("S02", "Honolulu Stimulant Treatment Center", "Pacific/Honolulu"),
                new SiteSpec("S03", "Sydney Drug and Alcohol Service", "Australia/Sydney"),
                new SiteSpec("S04", "Bangkok Substance Use Research Unit", "Asia/Bangkok"),
                new SiteSpec("S05", "Prague Addiction Clinic", "Europe/Prague"));
        List<VisitSpec> schedule = new ArrayList<>();
        schedule.add(new VisitSpec("SCR", "Screening", null, -14, 14, 14, 1,
                List.of(FormType.ELIGIBILITY, FormType.URINE_DRUG_SCREEN)));
        schedule.add(new VisitSpec("BL", "Baseline (week 0)", 0, 0, 0, 0, 1, List.of(FormType.CRAVING_VAS,
                FormType.CRAVING_BSCS, FormType.CRAVING_ACQ, FormType.URINE_DRUG_SCREEN)));
        for (int w = 1; w <= 12; w++) {
            List<FormType> forms = new ArrayList<>(List.of(FormType.CRAVING_VAS, FormType.URINE_DRUG_SCREEN,
                    FormType.MEDICATION_ADHERENCE, FormType.ADVERSE_EVENTS));
            if (w % 4 == 0) {
                forms.add(FormType.CRAVING_BSCS);
                forms.add(FormType.CRAVING_ACQ);
            }
            schedule.add(new VisitSpec(String.format("W%02d", w), "Week " + w, w, 7 * w, 3, 3, 2, forms));
        }
        schedule.add(new VisitSpec("FU", "Follow-up (week 16)", 16, 112, 7, 7, 1, List.of(FormType.CRAVING_VAS,
                FormType.URINE_DRUG_SCREEN, FormType.ADVERSE_EVENTS, FormType.DISPOSITION)));
        return new StudySpec(PROTOCOL, "A multi-site randomized double-blind trial of four pharmacotherapies for"
                + " methamphetamine use disorder (DEMO DATA)", "2.1",
                arms, sites, schedule);
    }

    public DemoPlan generate(int screened) {
        StudySpec spec = studySpec();
        List<DemoSubject> subjects = new ArrayList<>();
        for (int i = 1; i <= screened; i++) {
            SiteSpec site = spec.sites().get(random.nextInt(spec.sites().size()));
            subjects.add(subject(site, String.format("%s-%04d", site.code(), i), spec));
        }
        return new DemoPlan(spec, subjects);
    }

    private DemoSubject subject(SiteSpec site, String number, StudySpec spec) {
        ZoneId zone = ZoneId.of(site.timeZone());
        LocalDate consent = lastDay.minusDays(20 + random.nextInt(300));
        Sex sex = random.nextDouble() < 0.68 ? Sex.M : Sex.F;
        int age = 20 + random.nextInt(40);
        ScreeningEntry entry = new ScreeningEntry(number, site.code(), sex, consent.getYear() - age, consent);
        LocalDate screeningVisit = consent;
        if (random.nextDouble() < 0.09) {
            String reason = random.nextBoolean() ? "Did not meet DSM-5 criteria for moderate or severe"
                    + " methamphetamine use disorder" : "Exclusion: unstable psychiatric condition";
            return new DemoSubject(entry, screeningVisit, Optional.of(reason), Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(specimenVisit("SCR", screeningVisit, zone, false)), List.of(),
                    Optional.empty());
        }
        LocalDate baseline = consent.plusDays(7 + random.nextInt(14));
        if (baseline.isAfter(lastDay)) {
            return new DemoSubject(entry, screeningVisit, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(specimenVisit("SCR", screeningVisit, zone, false)), List.of(),
                    Optional.empty());
        }
        String arm = spec.arms().get(random.nextInt(spec.arms().size())).code();
        String kit = "K" + (kitCounter++);
        List<DemoVisit> visits = new ArrayList<>();
        visits.add(specimenVisit("SCR", screeningVisit, zone, false));
        double vas0 = clamp(62 + 15 * random.nextGaussian(), 8, 100);
        double slope = VAS_SLOPE.get(arm) + random.nextGaussian();
        double udsIntercept = -0.9 + 1.4 * random.nextGaussian();
        double udsSlope = UDS_SLOPE.get(arm);
        boolean droppedOut = false;
        LocalDate lastAttended = baseline;
        Optional<EndOfStudy> end = Optional.empty();
        for (VisitSpec v : spec.schedule().subList(1, spec.schedule().size())) {
            int week = v.week();
            int jitter = week == 0 ? 0 : (random.nextDouble() < 0.04 ? 5 : random.nextInt(5) - 2);
            LocalDate date = baseline.plusDays(v.targetDay() + jitter);
            if (date.isAfter(lastDay)) {
                break;
            }
            if (!droppedOut && week > 0 && week <= 12 && random.nextDouble() < 0.025) {
                droppedOut = true;
                end = Optional.of(random.nextBoolean()
                        ? new EndOfStudy(SubjectStatus.WITHDRAWN, date, "Participant withdrew consent")
                        : new EndOfStudy(SubjectStatus.LOST_TO_FOLLOW_UP, date,
                        "No contact after three attempts by phone and letter"));
            }
            if (droppedOut || (week > 0 && random.nextDouble() < 0.06)) {
                visits.add(new DemoVisit(v.code(), true, date, Map.of(), List.of(), Optional.empty()));
                continue;
            }
            lastAttended = date;
            double vas = clamp(vas0 + slope * Math.min(week, 12) + 9 * random.nextGaussian(), 0, 100);
            Map<String, Map<String, BigDecimal>> cravings = new LinkedHashMap<>();
            cravings.put("VAS", Map.of("vas", BigDecimal.valueOf(vas).setScale(1, RoundingMode.HALF_EVEN)));
            if (v.forms().contains(FormType.CRAVING_BSCS)) {
                cravings.put("BSCS", answers(bscs, vas));
                cravings.put("ACQ", answers(acq, vas));
            }
            List<DemoSpecimen> specimens = new ArrayList<>();
            for (int s = 0; s < v.urineScreens(); s++) {
                double logit = udsIntercept + udsSlope * Math.min(week, 12) + 0.05 * week;
                boolean negative = random.nextDouble() < 1 / (1 + Math.exp(-logit));
                specimens.add(new DemoSpecimen("U" + (specimenCounter++),
                        date.minusDays(3L * s).atTime(LocalTime.of(10, 15)).atZone(zone).toOffsetDateTime(),
                        negative));
            }
            Optional<DemoPlan.PillCount> pills = week >= 1 && week <= 12
                    ? Optional.of(new DemoPlan.PillCount(14, random.nextInt(random.nextDouble() < 0.15 ? 10 : 4), 7, 2))
                    : Optional.empty();
            visits.add(new DemoVisit(v.code(), false, date, cravings, specimens, pills));
            if (week == 16) {
                end = Optional.of(new EndOfStudy(SubjectStatus.COMPLETED, date, null));
            }
        }
        List<AdverseEventEntry> events = adverseEvents(baseline, lastAttended);
        return new DemoSubject(entry, screeningVisit, Optional.empty(), Optional.of(baseline), Optional.of(arm),
                Optional.of(kit), visits, events, end);
    }

    private List<AdverseEventEntry> adverseEvents(LocalDate baseline, LocalDate lastAttended) {
        List<AdverseEventEntry> events = new ArrayList<>();
        long span = lastAttended.toEpochDay() - baseline.toEpochDay();
        if (span < 7 || random.nextDouble() > 0.2) {
            return events;
        }
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            LocalDate onset = baseline.plusDays(1 + random.nextInt((int) span));
            boolean serious = random.nextDouble() < 0.05;
            int severity = serious ? 3 : 1 + random.nextInt(2);
            Optional<LocalDate> endDate = random.nextDouble() < 0.8
                    ? Optional.of(min(onset.plusDays(1 + random.nextInt(10)), lastDay)) : Optional.empty();
            events.add(new AdverseEventEntry(serious ? "Chest pain requiring hospital admission"
                    : AE_TERMS.get(random.nextInt(AE_TERMS.size())), onset, endDate, severity, serious,
                    Relatedness.values()[random.nextInt(4)], serious ? ActionTaken.INTERRUPTED : ActionTaken.NONE,
                    endDate.isPresent() ? Outcome.RECOVERED : Outcome.RECOVERING));
        }
        return events;
    }

    private DemoVisit specimenVisit(String code, LocalDate date, ZoneId zone, boolean negative) {
        return new DemoVisit(code, false, date, Map.of(), List.of(new DemoSpecimen("U" + (specimenCounter++),
                date.atTime(LocalTime.of(9, 30)).atZone(zone).toOffsetDateTime(), negative)), Optional.empty());
    }

    /** Likert answers in line with the VAS: higher craving, higher agreement (reverse items the other way). */
    private Map<String, BigDecimal> answers(Instrument instrument, double vas) {
        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        for (InstrumentItem item : instrument.items()) {
            double lo = item.min().doubleValue();
            double hi = item.max().doubleValue();
            double value = lo + (hi - lo) * vas / 100 + 0.8 * random.nextGaussian();
            if (item.reverse()) {
                value = lo + hi - value;
            }
            answers.put(item.code(), BigDecimal.valueOf(Math.round(clamp(value, lo, hi))));
        }
        return answers;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
