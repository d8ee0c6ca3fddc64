package org.stimtrial.analysis.export;

import java.util.List;
import java.util.stream.Collectors;
import org.stimtrial.analysis.interim.InterimPlan;

/**
 * The R script that refits the prespecified models from the analysis-ready CSV with the same calls the engine was
 * validated against (docs/analysis.md): lme4/lmerTest for the LMM, glmer for the primary logistic model, nlme::gls
 * for the MMRM, geepack for the GEE, emmeans for week-{@code lastWeek} contrasts against placebo with Dunnett's
 * ("mvt", seeded) adjustment, and the TES with Wilcoxon tests. Each block prints the numbers the DSMB workbook's
 * Models sheet shows, and the script writes them to {@code <csv name>-r-results.csv} (model, section, label, estimate,
 * se, p, p_adjusted, with the workbook's model keys and labels), so the two can be compared line by line and by
 * program ({@code RScriptInRTest} does).
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

                results <- list()
                keep <- function(model, section, label, estimate, se, p, p_adjusted = NA) {
                  results[[length(results) + 1]] <<- data.frame(model = model, section = section, label = label,
                    estimate = estimate, se = se, p = p, p_adjusted = p_adjusted, stringsAsFactors = FALSE)
                }
                fixed <- function(model, co) {
                  print(co)
                  keep(model, "fixed", rownames(co), co[, 1], co[, 2], co[, ncol(co)])
                }
                versus_placebo <- function(model, em) {
                  set.seed(12345)
                  s <- summary(contrast(em, method = "trt.vs.ctrl", ref = 1), infer = TRUE, adjust = "mvt")
                  print(s)
                  raw <- summary(contrast(em, method = "trt.vs.ctrl", ref = 1), adjust = "none")
                  keep(model, "contrast", as.character(s$contrast), s$estimate, s$SE, raw$p.value, s$p.value)
                }

                cat("\\n== Primary: weekly urine-screen negativity, logistic mixed model (Laplace) ==\\n")
                uds <- d[!is.na(d$uds_negative), ]
                # bobyqa in both stages: lme4's default second stage (Nelder-Mead) can stop short of the optimum
                # ("failed to converge", seen with max|grad| 0.08 on weeks 1-4 of the validation trial)
                glmm <- glmer(uds_negative ~ arm*week + (1 | subject_id), data = uds, family = binomial,
                              control = glmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 1e5)))
                fixed("glmm_uds", summary(glmm)$coefficients)
                versus_placebo("glmm_uds", emmeans(glmm, ~ arm, at = at_last))

                cat("\\n== Sensitivity: GEE, exchangeable working correlation ==\\n")
                gee <- geeglm(uds_negative ~ arm*week, id = subject_id, data = uds, family = binomial,
                              corstr = "exchangeable")
                fixed("gee_uds", summary(gee)$coefficients)
                versus_placebo("gee_uds", emmeans(gee, ~ arm, at = at_last))

                vas <- d[!is.na(d$craving) & !is.na(d$baseline_craving), ]
                cat("\\n== Secondary: craving VAS, MMRM (unstructured, REML) ==\\n")
                vas$visit_index <- as.integer(as.character(vas$fweek))
                mmrm <- gls(craving ~ arm*fweek + baseline_craving, data = vas, method = "REML",
                            correlation = corSymm(form = ~ visit_index | subject_id),
                            weights = varIdent(form = ~ 1 | fweek))
                fixed("mmrm_craving", summary(mmrm)$tTable)
                versus_placebo("mmrm_craving", emmeans(mmrm, ~ arm, at = list(fweek = "%7$d"), mode = "df.error"))

                cat("\\n== Secondary: craving VAS, LMM with random intercept and slope (REML, Satterthwaite) ==\\n")
                lmm <- lmer(craving ~ arm*week + baseline_craving + site + (1 + week | subject_id), data = vas,
                            REML = TRUE)
                fixed("lmm_craving", summary(lmm)$coefficients)
                versus_placebo("lmm_craving", emmeans(lmm, ~ arm, at = at_last, lmer.df = "satterthwaite"))

                cat("\\n== TES: negative weeks %6$d-%7$d, a missing screen counted positive ==\\n")
                complete <- names(which(tapply(d$week, d$subject_id, function(w) all(%6$d:%7$d %%in%% w))))
                t <- d[d$subject_id %%in%% complete, ]
                t$neg <- ifelse(is.na(t$uds_negative), 0, t$uds_negative)
                tes <- aggregate(neg ~ subject_id + arm, data = t, FUN = sum)
                print(aggregate(neg ~ arm, data = tes, FUN = function(x) c(n = length(x), mean = mean(x),
                                                                         sd = sd(x), median = median(x))))
                placebo <- levels(d$arm)[1]
                for (a in levels(droplevels(tes$arm))) {
                  x <- tes$neg[tes$arm == a]
                  keep("tes", "arm", a, mean(x), sd(x), NA)
                }
                for (a in levels(droplevels(tes$arm))[-1]) {
                  w <- wilcox.test(tes$neg[tes$arm == a], tes$neg[tes$arm == placebo], exact = FALSE, correct = TRUE)
                  cat(sprintf("%%s vs %%s: W = %%.1f, p = %%.6g\\n", a, placebo, w$statistic, w$p.value))
                  keep("tes", "wilcoxon", paste(a, "vs", placebo), unname(w$statistic), NA, w$p.value)
                }

                out <- sub("\\\\.csv$", "", "%2$s")
                out <- paste0(out, "-r-results.csv")
                write.csv(do.call(rbind, results), out, row.names = FALSE, quote = FALSE)
                cat("\\nEstimates written to", out, "\\n")
                """.formatted(protocol, csvFile, snapshotHash, engineVersion, levels, first, last);
    }
}
