#!/usr/bin/env bash
# Installs org.tensorflow.lite.micro:tflite-micro (the jar with its JNI
# library, and its pom) into the local Maven repository (~/.m2/repository):
#
#   bash java/maven/install.sh [mvn options, e.g. -o or -Dmaven.repo.local=DIR]
#
# Builds //java:maven_artifact with Bazel first. The first run fetches
# maven-install-plugin from Maven Central unless the local repository has it.
set -euo pipefail
cd "$(dirname "$0")/../.."
bazel build //java:maven_artifact
jar=$(ls bazel-bin/java/maven/tflite-micro-*.jar)
pom=${jar%.jar}.pom
mvn -B -q "$@" org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file \
  -Dfile="$jar" -DpomFile="$pom"
version=$(basename "$jar" .jar)
echo "Installed org.tensorflow.lite.micro:tflite-micro:${version#tflite-micro-}"
