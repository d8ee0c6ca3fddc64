## Times lme4::lmer, lme4::glmer (Laplace) and, for small files, nlme::gls (unstructured) on one CSV, as the
## StimTrial benchmark fits them. Prints "lmm=<s> glmm=<s> gls=<s|NA>" (median elapsed seconds of 3 runs; gls once).
args <- commandArgs(trailingOnly = TRUE)
suppressMessages({ library(lme4); library(nlme) })
d <- read.csv(args[1])
d <- d[d$week >= 1 & d$week <= 12, ]
d$arm <- factor(d$arm, levels = c("placebo", "bupropion", "modafinil", "nac", "baclofen"))
d$site <- factor(d$site); d$subject_id <- factor(d$subject_id)
med <- function(f) median(sapply(1:3, function(i) system.time(f())[["elapsed"]]))
lmm <- med(function() lmer(craving ~ arm * week + baseline_craving + site + (1 + week | subject_id), data = d))
glmm <- med(function() glmer(uds_negative ~ arm * week + (1 | subject_id), data = d, family = binomial))
gls_s <- NA
if (nlevels(d$subject_id) <= as.integer(args[2])) {
  d$fweek <- factor(d$week, levels = 1:12)
  gls_s <- system.time(gls(craving ~ arm * fweek + baseline_craving,
                           correlation = corSymm(form = ~ week | subject_id),
                           weights = varIdent(form = ~ 1 | fweek), data = d, method = "REML",
                           control = glsControl(apVar = FALSE)))[["elapsed"]]
}
cat(sprintf("lmm=%.4f glmm=%.4f gls=%s\n", lmm, glmm, ifelse(is.na(gls_s), "NA", sprintf("%.4f", gls_s))))
