#!/usr/bin/env bash
# Verifies the audit trail's hash chain directly in the database and names the first broken record.
# Uses the same TRIAL_DB_* settings as run.sh. An H2 file database must not be in use by the server at the same
# time (stop it first, or call GET /api/audit/verify while it runs); PostgreSQL can be checked at any time.
set -euo pipefail
cd "$(dirname "$0")"
export TRIAL_DB_URL="${TRIAL_DB_URL:-jdbc:h2:file:$PWD/data/stimtrial}"
export TRIAL_DB_USER="${TRIAL_DB_USER:-sa}"
export TRIAL_DB_PASSWORD="${TRIAL_DB_PASSWORD:-stimtrial}"
if [ ! -d trial-web/target/trial-web/WEB-INF/lib ]; then
  mvn -B -q -DskipTests package -pl trial-web -am
fi
exec java -cp "trial-web/target/trial-web/WEB-INF/lib/*" org.stimtrial.audit.VerifyAuditCommand "$@"
