## A binomial GLMM with a random intercept and a random slope for week per subject, as glmer fits it (Laplace),
## on data simulated with a real slope variance (the validation trial's UDS outcome has a random intercept only).
## Usage: Rscript glmm_random_slope.R <output folder>; writes glmm_slope.csv and ref_glmm_slope.json.
suppressPackageStartupMessages(library(lme4))
out <- commandArgs(trailingOnly = TRUE)[1]
set.seed(20261124)
ARMS <- c("placebo", "bupropion", "modafinil", "nac", "baclofen")
arm_slope <- c(placebo = 0, bupropion = 0.12, modafinil = 0.02, nac = 0.09, baclofen = 0)
n_per_arm <- 40
sd_b0 <- 1.2; sd_b1 <- 0.15; rho <- -0.3
rows <- list()
k <- 0
for (a in ARMS) {
  for (i in seq_len(n_per_arm)) {
    k <- k + 1
    z <- rnorm(2)
    b0 <- sd_b0 * z[1]
    b1 <- sd_b1 * (rho * z[1] + sqrt(1 - rho^2) * z[2])
    weeks <- 1:12
    eta <- -1.2 + b0 + (0.03 + arm_slope[[a]] + b1) * weeks
    y <- rbinom(12, 1, plogis(eta))
    keep <- runif(12) > 0.1
    rows[[k]] <- data.frame(subject_id = sprintf("subj%04d", k), arm = a, week = weeks[keep], uds_negative = y[keep])
  }
}
d <- do.call(rbind, rows)
write.csv(d, file.path(out, "glmm_slope.csv"), row.names = FALSE, quote = FALSE)
d$arm <- factor(d$arm, levels = ARMS)
## lme4 forms its Laplace approximation from PIRLS iterations stopped at tolPwrss (1e-7 by default), which moves its
## optimum by about 0.01 in logLik on these data; with tolPwrss = 1e-12 it evaluates the Laplace approximation at
## converged modes, as the engine does. Both fits are kept: the tight one is the reference.
fit <- function(tol) glmer(uds_negative ~ arm * week + (1 + week | subject_id), data = d, family = binomial,
                           nAGQ = 1, control = glmerControl(optimizer = "bobyqa", tolPwrss = tol,
                                                            optCtrl = list(rhoend = 1e-12, maxfun = 1e5)))
g <- fit(1e-12)
g0 <- fit(1e-7)
cf <- summary(g)$coefficients
vc <- as.data.frame(VarCorr(g))
res <- list(
  call = paste("glmer(uds_negative ~ arm*week + (1 + week | subject_id), family = binomial, nAGQ = 1),",
               "glmerControl(optimizer = 'bobyqa', tolPwrss = 1e-12, optCtrl = list(rhoend = 1e-12, maxfun = 1e5))"),
  versions = list(R = R.version.string, lme4 = as.character(packageVersion("lme4"))),
  simulation = list(seed = 20261124, subjects = 200, weeks = "1..12, 10% missing at random", intercept = -1.2,
                    week = 0.03, arm_week = as.list(arm_slope), sd_intercept = sd_b0, sd_week = sd_b1, cor = rho),
  nobs = nobs(g), ngroups = as.numeric(ngrps(g)),
  fixed = list(term = rownames(cf), estimate = unname(cf[, 1]), se = unname(cf[, 2]),
               se_rx_based = unname(sqrt(diag(as.matrix(vcov(g, use.hessian = FALSE)))))),
  theta = as.list(getME(g, "theta")),
  sd_intercept = vc$sdcor[1], sd_week = vc$sdcor[2], cor = vc$sdcor[3],
  logLik = as.numeric(logLik(g)), AIC = AIC(g), BIC = BIC(g),
  conv_messages = as.list(g@optinfo$conv$lme4$messages), isSingular = isSingular(g),
  default_pirls = list(note = "the same fit with lme4's default tolPwrss = 1e-7",
                       estimate = unname(fixef(g0)), se = unname(sqrt(diag(as.matrix(vcov(g0))))),
                       theta = unname(getME(g0, "theta")), logLik = as.numeric(logLik(g0))))
writeLines(jsonlite::toJSON(res, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(out, "ref_glmm_slope.json"))
