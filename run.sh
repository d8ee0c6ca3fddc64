#!/usr/bin/env bash
# Builds StimTrial and runs it on Payara Micro at http://localhost:8080 (embedded H2 database under ./data,
# demo study loaded on first start). Database settings come from the environment; see the README for PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"

PORT="${PORT:-8080}"
mkdir -p data
TRIAL_DB_CLASS="${TRIAL_DB_CLASS:-org.h2.jdbcx.JdbcDataSource}"
TRIAL_DB_URL="${TRIAL_DB_URL:-jdbc:h2:file:$PWD/data/stimtrial}"
TRIAL_DB_USER="${TRIAL_DB_USER:-sa}"
TRIAL_DB_PASSWORD="${TRIAL_DB_PASSWORD:-stimtrial}"
TRIAL_DEMO_ENABLED="${TRIAL_DEMO_ENABLED:-true}"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "Building (first build downloads dependencies from Maven Central)..."
  mvn -B -q -DskipTests package -pl trial-web -am
fi

cat <<MSG

StimTrial is starting at http://localhost:${PORT}  (ready when /health says UP, about a minute on first start)
  Demo users (user / password): coordinator / demo-coordinator (site S01), coordinator2 / demo-coordinator2
  (site S02), investigator / demo-investigator (S01), datamanager / demo-datamanager,
  statistician / demo-statistician, dsmb / demo-dsmb (unblinded), sponsor / demo-sponsor, admin / demo-admin
  Sign in: http://localhost:${PORT}/app/home.xhtml
  Try: curl -u coordinator:demo-coordinator http://localhost:${PORT}/api/studies/STIM-301/subjects

MSG

exec java -Xmx1g \
  -Djava.net.preferIPv4Stack=true \
  -Dtrial.db.class="$TRIAL_DB_CLASS" \
  -Dtrial.db.url="$TRIAL_DB_URL" \
  -Dtrial.db.user="$TRIAL_DB_USER" \
  -Dtrial.db.password="$TRIAL_DB_PASSWORD" \
  -Dtrial.demo.enabled="$TRIAL_DEMO_ENABLED" \
  -jar trial-web/target/server/payara-micro.jar \
  --deploy trial-web/target/trial-web.war \
  --contextroot / \
  --port "$PORT" \
  --nocluster \
  --disablephonehome \
  --rootdir "$PWD/data/payara"
