#!/usr/bin/env bash
# Deploys the EAR (trial-ear/target/trial-ear.ear) to a fresh Payara Server 6 domain, on an H2 file database with the
# demo study, and checks /health and an authenticated API call. Every listener is bound to 127.0.0.1 and the
# Hazelcast data grid is switched off, so nothing leaves the machine's loopback interface.
set -euo pipefail
cd "$(dirname "$0")/.."
PAYARA_VERSION=6.2025.10
ZIP="$HOME/.m2/repository/fish/payara/distributions/payara/$PAYARA_VERSION/payara-$PAYARA_VERSION.zip"
[ -f "$ZIP" ] || mvn -B -q dependency:get -Dartifact="fish.payara.distributions:payara:$PAYARA_VERSION:zip"
EAR="$PWD/trial-ear/target/trial-ear.ear"
[ -f "$EAR" ] || { echo "build the EAR first (mvn package)"; exit 1; }

WORK="$PWD/target/ear-check"
rm -rf "$WORK" && mkdir -p "$WORK" && unzip -q "$ZIP" -d "$WORK"
ASADMIN="$WORK/payara6/bin/asadmin"
python3 - "$WORK/payara6/glassfish/domains/domain1/config/domain.xml" "$WORK/db/stimtrial" <<'PY'
import re, sys
path, db = sys.argv[1], sys.argv[2]
xml = open(path).read()
start = xml.index('<config name="server-config"')
end = xml.index('</config>', start)
cfg = xml[start:end]
cfg = re.sub(r'<network-listener (?![^>]*address=)', '<network-listener address="127.0.0.1" ', cfg)
cfg = cfg.replace('address="0.0.0.0"', 'address="127.0.0.1"')
if '<jms-service' in cfg:
    cfg = re.sub(r'(<jms-service[^>]*?)type="\w+"', r'\1type="DISABLED"', cfg)
else:
    cfg += ('<jms-service type="DISABLED" default-jms-host="default_JMS_host">'
            '<jms-host name="default_JMS_host" host="127.0.0.1" port="7676"></jms-host></jms-service>')
cfg = cfg.replace('<hazelcast-config-specific-configuration>', '<hazelcast-config-specific-configuration enabled="false">')
props = ''.join('<jvm-options>-D%s=%s</jvm-options>' % kv for kv in [
    ('trial.db.class', 'org.h2.jdbcx.JdbcDataSource'), ('trial.db.url', 'jdbc:h2:file:' + db),
    ('trial.db.user', 'sa'), ('trial.db.password', 'ear-check'), ('trial.demo.enabled', 'true'),
    ('java.net.preferIPv4Stack', 'true')])
cfg = cfg.replace('<java-config ', '<java-config ', 1)
cfg = re.sub(r'(<java-config[^>]*>)', lambda m: m.group(1) + props, cfg, count=1)
xml = xml[:start] + cfg + xml[end:]
xml = xml.replace('<hazelcast-runtime-configuration ', '<hazelcast-runtime-configuration enabled="false" ', 1)
open(path, 'w').write(xml)
PY

cleanup() { "$ASADMIN" stop-domain domain1 >/dev/null 2>&1 || true; }
trap cleanup EXIT
"$ASADMIN" start-domain domain1
"$ASADMIN" deploy --contextroot / --name stimtrial "$EAR"

status=$(curl -s -o "$WORK/health.json" -w '%{http_code}' http://127.0.0.1:8080/health)
echo "health: HTTP $status $(cat "$WORK/health.json")"
grep -q '"status":"UP"' "$WORK/health.json"
subjects=$(curl -s -u datamanager:demo-datamanager -o "$WORK/subjects.json" -w '%{http_code}' \
  http://127.0.0.1:8080/api/studies/STIM-301/subjects)
count=$(python3 -c "import json; print(len(json.load(open('$WORK/subjects.json'))))")
echo "subjects: HTTP $subjects, $count demo subjects"
if [ "$subjects" != 200 ] || [ "$count" -lt 100 ]; then
  echo "the API does not answer from the EAR"; exit 1
fi
# The web UI (Faces + PrimeFaces from the EAR's libraries): sign in through the form, then the dashboard.
JAR="$WORK/ui-cookies"
curl -s -c "$JAR" -b "$JAR" -o "$WORK/login.html" http://127.0.0.1:8080/login.xhtml
viewstate=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$WORK/login.html" | sed 's/.*value="//;s/"$//')
curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode login=login --data-urlencode username=coordinator \
  --data-urlencode password=demo-coordinator --data-urlencode "signIn=Sign in" \
  --data-urlencode "jakarta.faces.ViewState=$viewstate" http://127.0.0.1:8080/login.xhtml
page=$(curl -s -b "$JAR" -o "$WORK/dashboard.html" -w '%{http_code}' http://127.0.0.1:8080/app/home.xhtml)
echo "dashboard: HTTP $page"
if [ "$page" != 200 ] || ! grep -q 'Worklist' "$WORK/dashboard.html" || ! grep -q 'ln=primefaces' "$WORK/dashboard.html"; then
  echo "the web UI does not render from the EAR"; exit 1
fi
echo "EAR deploy check passed on Payara Server $PAYARA_VERSION"
