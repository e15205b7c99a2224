#!/usr/bin/env bash
# Karaf container test: install the camel-paradigm feature in a real Apache Karaf and route a file to Paradigm.
#
# NOT part of `mvn verify`, and never run where this project is built: the Maven Central reachable there serves
# no org.apache.camel.karaf bundle (camel-core-engine and friends), so Camel cannot be installed into a Karaf.
# Run it by hand, from the repository root, on a machine that reaches Maven Central:
#
#   bash camel-paradigm-karaf/src/it/karaf-container-test.sh
#
# It exits 0 only when the emulator stored the file the Blueprint route picked up.
set -euo pipefail
cd "$(dirname "$0")/../../.."

VERSION=$(mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout)
KARAF_VERSION=4.4.10
WORK=$(mktemp -d)
KEY=psk-karaf-it-$RANDOM$RANDOM
trap 'kill "${EMULATOR_PID:-}" 2>/dev/null || true; "$WORK/karaf/bin/stop" 2>/dev/null || true' EXIT

# 1. Build and install this project's artifacts into the local Maven repository Karaf resolves mvn: URLs from.
mvn -B -q install -DskipTests

# 2. Unpack Apache Karaf.
mvn -B -q dependency:unpack -Dartifact=org.apache.karaf:apache-karaf:$KARAF_VERSION:tar.gz -DoutputDirectory="$WORK"
mv "$WORK/apache-karaf-$KARAF_VERSION" "$WORK/karaf"

# 3. Start the Paradigm emulator on a free port, with a known key and a fast clock.
java -jar camel-paradigm-emulator/target/camel-paradigm-emulator-$VERSION-standalone.jar \
    --port 0 --step 200ms --api-key "$KEY" > "$WORK/emulator.log" 2>&1 &
EMULATOR_PID=$!
for _ in $(seq 1 60); do grep -qo 'http://127.0.0.1:[0-9]*' "$WORK/emulator.log" && break; sleep 1; done
BASE_URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/emulator.log" | head -1)
WORKSPACE=$(grep -o 'workspace_id: [0-9]*' "$WORK/emulator.log" | head -1 | cut -d' ' -f2)

# 4. Start Karaf and wait for its console.
"$WORK/karaf/bin/start"
for _ in $(seq 1 120); do "$WORK/karaf/bin/client" -r 1 "bundle:list" >/dev/null 2>&1 && break; sleep 1; done
client() { "$WORK/karaf/bin/client" -r 3 "$@"; }

# 5. Add the features repository and install the feature (camel-core, http-client, jackson come from camel-karaf).
client "feature:repo-add mvn:io.camelparadigm/camel-paradigm-karaf/$VERSION/xml/features"
client "feature:install camel-blueprint camel-paradigm"
client "bundle:list -s" | grep camel-paradigm-component | grep Active

# 6. Deploy a Blueprint route: every file dropped in inbox is uploaded.
mkdir -p "$WORK/inbox"
cat > "$WORK/karaf/deploy/paradigm-route.xml" <<XML
<blueprint xmlns="http://www.osgi.org/xmlns/blueprint/v1.0.0">
  <camelContext xmlns="http://camel.apache.org/schema/blueprint">
    <route id="inbox-to-paradigm">
      <from uri="file:$WORK/inbox"/>
      <setHeader name="CamelParadigmExternalId"><simple>karaf:\${header.CamelFileName}</simple></setHeader>
      <to uri="paradigm:upload?baseUrl=$BASE_URL&amp;apiKey=RAW($KEY)&amp;workspaceId=$WORKSPACE"/>
      <log message="uploaded \${header.CamelFileName} as Paradigm file \${header.CamelParadigmFileId}"/>
    </route>
  </camelContext>
</blueprint>
XML
for _ in $(seq 1 60); do client "camel:route-list" 2>/dev/null | grep -q 'inbox-to-paradigm.*Started' && break; sleep 1; done

# 7. Drop a file and wait until the emulator has it.
echo "hello from Karaf" > "$WORK/inbox/karaf-it.txt"
for _ in $(seq 1 60); do
    if curl -fsS -H "Authorization: Bearer $KEY" \
        "$BASE_URL/api/v3/files?external_metadata__external_id=karaf:karaf-it.txt" | grep -Eq '"count" *: *1[,}]'; then
        echo "Karaf container test passed: karaf-it.txt reached Paradigm through the camel-paradigm feature"
        exit 0
    fi
    sleep 1
done
echo "Karaf container test FAILED: the file did not reach the emulator. Karaf log: $WORK/karaf/data/log/karaf.log" >&2
exit 1
