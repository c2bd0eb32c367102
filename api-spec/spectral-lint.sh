#!/usr/bin/env bash
# Lints the spec with Stoplight Spectral's spectral:oas ruleset and fails on any finding, hints
# included. Optional (needs Node.js and the npm registry); the Maven build runs its own checks.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec npx --yes @stoplight/spectral-cli@6.16.3 lint \
  --ruleset "$here/.spectral.yaml" --fail-severity=hint \
  "$here/src/main/resources/openapi/contact-card.yaml"
