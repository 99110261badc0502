#!/bin/bash
# Does p2 give each platform its own natives fragment, and only that one?
#
# Installs the feature from the built update site (update-site/target/repository, made by
# `knime/mvnw -Pknime verify`) with p2's director into an empty folder per platform (-p2.os/-p2.ws/-p2.arch),
# then lists the org.xasdaml.knime.bin.* fragments that landed there. Windows and macOS are resolved and
# installed as files only: nothing of them runs here.
#
# usage: knime/check-platform-fragments.sh KNIME_P2_REPOSITORY [WORK_DIR]
#   KNIME_P2_REPOSITORY  a p2 repository with org.knime.core and its requirements (KNIME's update site for the
#                        KNIME version built against, or a local copy), as a URL (file:/..., https://...)
# Exit code 0 when each platform got exactly its fragment, 1 otherwise.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
knime_repo=${1:?"usage: $0 KNIME_P2_REPOSITORY [WORK_DIR]"}
work=${2:-$(mktemp -d)}
site="file:$root/update-site/target/repository"
[ -f "$root/update-site/target/repository/content.jar" ] || [ -f "$root/update-site/target/repository/content.xml.xz" ] \
  || { echo "no update site: run knime/mvnw -Pknime verify first" >&2; exit 1; }
tycho=$(sed -n 's|.*<tycho.version>\(.*\)</tycho.version>.*|\1|p' "$here/pom.xml")
status=0
for platform in linux/gtk/x86_64 win32/win32/x86_64 macosx/cocoa/x86_64 macosx/cocoa/aarch64; do
  IFS=/ read -r os ws arch <<< "$platform"
  dest="$work/$os.$ws.$arch"
  rm -rf "$dest"
  "$here/mvnw" -q -B org.eclipse.tycho:tycho-p2-director-plugin:"$tycho":director \
    -Ddestination="$dest" -Drepositories="$site,$knime_repo" -DinstallIUs=org.xasdaml.knime.feature.feature.group \
    -Dp2.os="$os" -Dp2.ws="$ws" -Dp2.arch="$arch" -Dprofile=check \
    || { echo "FAIL $os/$ws/$arch: p2 could not install the feature"; status=1; continue; }
  got=$(find "$dest" -maxdepth 6 -path '*/plugins/*' -name 'org.xasdaml.knime.bin.*' -printf '%f\n' | sed -E 's/_[0-9]+\.[0-9]+\.[0-9]+.*//' | sort | tr '\n' ' ')
  want="org.xasdaml.knime.bin.$os.$arch "
  host=$(find "$dest" -maxdepth 6 -path '*/plugins/*' -name 'org.xasdaml.knime_*' -printf '%f ')
  if [ "$got" = "$want" ] && [ -n "$host" ]; then
    echo "ok   $os/$ws/$arch: $host+ $got"
  else
    echo "FAIL $os/$ws/$arch: host '${host}' fragments '${got}' (want '${want}')"; status=1
  fi
done
exit $status
