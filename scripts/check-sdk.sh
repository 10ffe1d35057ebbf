#!/usr/bin/env bash
# Checks README's claim that an application gets the Java SDK by its coordinates,
# org.ushs:ushs-client:0.1.0-SNAPSHOT, from a repository on disk: deploys the client module (and
# what it needs of this build) to a throw-away file repository, then compiles a tiny consumer
# project against it with its own empty local repository, whose other dependencies come from
# ~/.m2 as a file repository. No artifact of this build is written to ~/.m2 (whose snapshots other
# builds of this machine use); the deploy's metadata notes about the throw-away repository are
# removed. Run after the main build: then it needs no network (maven-deploy-plugin is fetched
# once if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
m2="${HOME}/.m2/repository"

mvn -B -q deploy -pl client -am -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true \
  -Dmaven.install.skip=true -DaltDeploymentRepository="ushs-sdk-check::file://$work/repo"
# the deploy caches the throw-away repository's metadata in ~/.m2; nothing else of org.ushs is there
find "$m2/org/ushs" \( -name 'maven-metadata-ushs-sdk-check.xml' -o -name resolver-status.properties \) \
  -delete 2>/dev/null || true
find "$m2/org/ushs" -depth -type d -empty -delete 2>/dev/null || true

mkdir -p "$work/consumer/src/main/java/demo"
cat >"$work/settings.xml" <<XML
<settings><mirrors><mirror><id>m2</id><mirrorOf>*,!ushs-sdk</mirrorOf>
  <url>file://$m2</url></mirror></mirrors></settings>
XML
cat >"$work/consumer/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>demo</groupId><artifactId>consumer</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <repositories><repository><id>ushs-sdk</id><url>file://$work/repo</url></repository></repositories>
  <dependencies><dependency>
    <groupId>org.ushs</groupId><artifactId>ushs-client</artifactId><version>0.1.0-SNAPSHOT</version>
  </dependency></dependencies>
  <build><plugins>
    <plugin><artifactId>maven-resources-plugin</artifactId><version>3.5.0</version></plugin>
    <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
  </plugins></build>
</project>
XML
cat >"$work/consumer/src/main/java/demo/Tail.java" <<'JAVA'
package demo;

import io.vertx.core.Vertx;
import org.ushs.client.ClientOptions;
import org.ushs.client.Subscription;
import org.ushs.client.UshsClient;

public class Tail {
  public static void main(String[] args) {
    UshsClient client =
        UshsClient.create(
            Vertx.vertx(),
            ClientOptions.builder()
                .endpoint("ws://localhost:8080/ushs/v1/ws")
                .bearer(args[0])
                .subscription(Subscription.of("error"))
                .build());
    client.onEvent(event -> System.out.println(event.sequence() + " " + event.type()));
    client.connect();
  }
}
JAVA
mvn -B -q -s "$work/settings.xml" -Dmaven.repo.local="$work/local" -f "$work/consumer/pom.xml" compile
[ -f "$work/consumer/target/classes/demo/Tail.class" ] || { echo "check-sdk: no class" >&2; exit 1; }
echo "check-sdk: a project compiles against org.ushs:ushs-client:0.1.0-SNAPSHOT from a file repository"
