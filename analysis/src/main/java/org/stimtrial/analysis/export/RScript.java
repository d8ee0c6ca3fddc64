package org.stimtrial.analysis.export;

import java.util.List;
import java.util.stream.Collectors;
import org.stimtrial.analysis.interim.InterimPlan;

/**
 * The R script that refits the prespecified models from the analysis-ready CSV with the same calls the engine was
 * validated against (docs/analysis.md): lme4/lmerTest for the LMM, glmer for the primary logistic model, nlme::gls
 * for the MMRM, geepack for the GEE, emmeans for week-{@code lastWeek} contrasts against placebo with Dunnett's
 * ("mvt") adjustment, and the TES with Wilcoxon tests. Each block prints the numbers the DSMB workbook's Models
 * sheet shows, so the two can be compared line by line.
 */
public final class RScript {
    private RScript() {
    }

    /**
     * @param csvFile the analysis-ready CSV's file name, as downloaded
     * @param snapshotHash the snapshot's content hash (the script checks nothing with it; it records provenance)
     * @param arms the arm codes, placebo first (the factor levels of the engine)
     */
    public static String generate(String protocol, String csvFile, String snapshotHash, String engineVersion,
                                  List<String> arms, InterimPlan plan) {
        String levels = arms.stream().map(a -> "\"" + a.replace("\"", "") + "\"").collect(Collectors.joining(", "));
        int first = plan.firstWeek();
        int last = plan.lastWeek();
        return """
                # %1$s: prespecified models refitted in R from the analysis-ready CSV.
                # Snapshot content hash (SHA-256): %3$s
                # Written by %4$s. Compare with the DSMB workbook's Models and TES sheets.
                # Needs R >= 4.2 with lme4, lmerTest, nlme, emmeans, geepack (install.packages(c("lme4", "lmerTest",
                # "nlme", "emmeans", "geepack"))). Run: Rscript this-file.R   (the CSV next to it)
                suppressPackageStartupMessages({
                  library(lme4); library(lmerTest); library(nlme); library(emmeans); library(geepack)
                })
                d <- read.csv("%2$s", na.strings = "NA", stringsAsFactors = FALSE)
                d <- d[d$week >= %6$d & d$week <= %7$d, ]
                d$arm <- factor(d$arm, levels = c(%5$s))
                d$arm <- droplevels(d$arm)
                d$site <- factor(d$site)
                d$subject_id <- factor(d$subject_id)
                d$fweek <- factor(d$week, levels = %6$d:%7$d)
                d <- d[order(d$subject_id, d$week), ]
                at_last <- list(week = %7$d)

                cat("\\n== Primary: weekly urine-screen negativity, logistic mixed model (Laplace) ==\\n")
                uds <- d[!is.na(d$uds_negative), ]
                glmm <- glmer(uds_negative ~ arm*week + (1 | subject_id), data = uds, family = binomial)
                print(summary(glmm)$coefficients)
                em <- emmeans(glmm, ~ arm, at = at_last)
                print(summary(contrast(em, method = "trt.vs.ctrl", ref = 1), infer = TRUE, adjust = "mvt"))

                cat("\\n== Sensitivity: GEE, exchangeable working correlation ==\\n")
                gee <- geeglm(uds_negative ~ arm*week, id = subject_id, data = uds, family = binomial,
                              corstr = "exchangeable")
                print(summary(gee)$coefficients)
                em <- emmeans(gee, ~ arm, at = at_last)
                print(summary(contrast(em, method = "trt.vs.ctrl", ref = 1), infer = TRUE, adjust = "mvt"))

                vas <- d[!is.na(d$craving) & !is.na(d$baseline_craving), ]
                cat("\\n== Secondary: craving VAS, MMRM (unstructured, REML) ==\\n")
                vas$visit_index <- as.integer(as.character(vas$fweek))
                mmrm <- gls(craving ~ arm*fweek + baseline_craving, data = vas, method = "REML",
                            correlation = corSymm(form = ~ visit_index | subject_id),
                            weights = varIdent(form = ~ 1 | fweek))
                print(summary(mmrm)$tTable)
                em <- emmeans(mmrm, ~ arm, at = list(fweek = "%7$d"), mode = "df.error")
                print(summary(contrast(em, method = "trt.vs.ctrl", ref = 1), infer = TRUE, adjust = "mvt"))

                cat("\\n== Secondary: craving VAS, LMM with random intercept and slope (REML, Satterthwaite) ==\\n")
                lmm <- lmer(craving ~ arm*week + baseline_craving + site + (1 + week | subject_id), data = vas,
                            REML = TRUE)
                print(summary(lmm)$coefficients)
                em <- emmeans(lmm, ~ arm, at = at_last, lmer.df = "satterthwaite")
                print(summary(contrast(em, method = "trt.vs.ctrl", ref = 1), infer = TRUE, adjust = "mvt"))

                cat("\\n== TES: negative weeks %6$d-%7$d, a missing screen counted positive ==\\n")
                complete <- names(which(tapply(d$week, d$subject_id, function(w) all(%6$d:%7$d %%in%% w))))
                t <- d[d$subject_id %%in%% complete, ]
                t$neg <- ifelse(is.na(t$uds_negative), 0, t$uds_negative)
                tes <- aggregate(neg ~ subject_id + arm, data = t, FUN = sum)
                print(aggregate(neg ~ arm, data = tes, FUN = function(x) c(n = length(x), mean = mean(x),
                                                                         sd = sd(x), median = median(x))))
                placebo <- levels(d$arm)[1]
                for (a in levels(d$arm)[-1]) {
                  w <- wilcox.test(tes$neg[tes$arm == a], tes$neg[tes$arm == placebo], exact = FALSE, correct = TRUE)
                  cat(sprintf("%%s vs %%s: W = %%.1f, p = %%.6g\\n", a, placebo, w$statistic, w$p.value))
                }
                """.formatted(protocol, csvFile, snapshotHash, engineVersion, levels, first, last);
    }
}
