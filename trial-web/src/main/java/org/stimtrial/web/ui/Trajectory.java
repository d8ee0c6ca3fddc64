package org.stimtrial.web.ui;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stimtrial.visit.FormViews.CravingView;
import org.stimtrial.visit.FormViews.UrineScreenView;
import org.stimtrial.visit.FormViews.VisitView;
import org.stimtrial.visit.UrineScreenService;
import org.stimtrial.visit.VisitService;

/**
 * A participant's craving trajectory: the craving VAS at each weekly visit, with a mark per week for the urine
 * screens (filled: every specimen of the week negative, as the primary outcome counts it; open: any specimen not
 * negative; none: no specimen).
 */
@RequestScoped
public class Trajectory {
    static final String VAS = "VAS";
    static final String VAS_SCALE = "craving";

    @EJB
    private VisitService visits;
    @EJB
    private UrineScreenService screens;

    public SvgLineChart chart(String study, String number, List<VisitView> schedule) {
        List<String> weeks = new ArrayList<>();
        List<Double> vas = new ArrayList<>();
        List<Optional<Boolean>> negative = new ArrayList<>();
        for (VisitView v : schedule) {
            if (v.week() == null) {
                continue;
            }
            weeks.add("W" + v.week());
            vas.add(visits.cravings(study, number, v.code()).stream().filter(c -> c.instrument().equals(VAS))
                    .findFirst().map(Trajectory::vas).orElse(null));
            negative.add(weekNegative(screens.screens(study, number, v.code())));
        }
        return SvgLineChart.of("Craving VAS by week, " + number, "VAS (0-100)", weeks)
                .withSeries("craving VAS", vas)
                .withStrip(new SvgLineChart.Strip("urine", "all screens negative", "screen not negative", negative));
    }

    private static Double vas(CravingView c) {
        BigDecimal score = c.scores().get(VAS_SCALE);
        return score == null ? null : score.doubleValue();
    }

    /** Negative when every specimen of the visit is negative; absent when there is no specimen. */
    static Optional<Boolean> weekNegative(List<UrineScreenView> specimens) {
        return specimens.isEmpty() ? Optional.empty()
                : Optional.of(specimens.stream().allMatch(UrineScreenView::negative));
    }
}
