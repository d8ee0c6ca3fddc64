#!/usr/bin/env bash
# Regenerates the R reference results the analysis tests compare against (for anyone with R; the tests do not need
# R). Needs the Debian packages r-base-core r-cran-lme4 r-cran-nlme r-cran-lmertest r-cran-emmeans r-cran-pbkrtest
# r-cran-geepack (apt-get install -y ...). Writes into analysis/src/test/resources/validation/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../resources/validation"
work="$(mktemp -d)"
mkdir -p "$work/R" "$work/public"
cp "$here"/*.R "$work/R/"
cp "$out"/*.csv "$work/public/"
cd "$work"
Rscript R/fit_reference.R sleepstudy trial_small
Rscript R/fit_tight.R
cp public/ref_*.json "$out/"
Rscript "$here/glmm_random_slope.R" "$out"
echo "References regenerated in $out"
