#!/usr/bin/env bash
# Builds one container image per service, tagged liandong/<service>:<version>: the names the
# Kubernetes manifests use (deploy/base/kustomization.yaml, "images"; the tests keep them in step).
#
#   deploy/build-images.sh                     package the services, then build the four images
#   deploy/build-images.sh --no-package        build from the target/quarkus-app/ already there
#   deploy/build-images.sh --push REGISTRY     also tag and push REGISTRY/liandong/<service>:<version>
#
# The version is the Maven project version of the root pom unless LIANDONG_VERSION is set.
# CONTAINER_TOOL picks docker (default) or podman.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
services=(grievance-service dispatch-service department-service followup-service)
tool=${CONTAINER_TOOL:-docker}
package=true
registry=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-package) package=false; shift ;;
    --push) registry=${2:?--push needs a registry, e.g. registry.example.org}; shift 2 ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# The parent's own <version>, the first one after its artifactId.
version=${LIANDONG_VERSION:-$(awk '/<artifactId>liandong-parent<\/artifactId>/ {found=1}
  found && /<version>/ {sub(/.*<version>/, ""); sub(/<\/version>.*/, ""); print; exit}' "$root/pom.xml")}
if [[ -z "$version" ]]; then
  echo "could not read the project version from $root/pom.xml; set LIANDONG_VERSION" >&2
  exit 1
fi

if [[ "$package" == true ]]; then
  modules=$(IFS=,; echo "${services[*]}")
  mvn -B -f "$root/pom.xml" -DskipTests -pl "$modules" -am package
fi

for service in "${services[@]}"; do
  image="liandong/$service:$version"
  echo "building $image"
  "$tool" build -f "$root/$service/src/main/docker/Dockerfile.jvm" -t "$image" "$root/$service"
  if [[ -n "$registry" ]]; then
    "$tool" tag "$image" "$registry/$image"
    "$tool" push "$registry/$image"
  fi
done
