#!/usr/bin/env bash
# Creates the Secrets the manifests reference but do not contain, each with a random password:
# <service>-db (kubernetes.io/basic-auth: the PostgreSQL role of each service, read by
# CloudNativePG and by the service). Existing Secrets are left alone; see docs/deploy.md for rotation.
# The Kafka credentials (<service>-service) and the Kafka CA are written by Strimzi itself.
#
#   deploy/create-secrets.sh NAMESPACE
set -euo pipefail

namespace=${1:?usage: create-secrets.sh NAMESPACE}

for db in grievance dispatch department followup; do
  if kubectl -n "$namespace" get secret "$db-db" >/dev/null 2>&1; then
    echo "secret $db-db exists, left as it is"
    continue
  fi
  kubectl -n "$namespace" create secret generic "$db-db" \
    --type=kubernetes.io/basic-auth \
    --from-literal=username="$db" \
    --from-literal=password="$(openssl rand -base64 32 | tr -d '/+=' | cut -c1-32)"
  kubectl -n "$namespace" label secret "$db-db" app.kubernetes.io/part-of=liandong
done
