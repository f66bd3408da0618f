#!/bin/sh
# Lays out the store runtime folder (what Lambda unpacks into /opt): the shop jar beside the runtime interface client
# (lib/, copied there by the dependency plugin), the bootstrap, and jre/, jlink'ed from JDK 25 with only the modules
# the shop needs. Called by the build (prepare-package): assemble.sh JDK SHOP_JAR RUNTIME_DIR MODULES
set -eu
jdk=$1; shop_jar=$2; dir=$3; modules=$4
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -x "$jdk/bin/jlink" ]; then
  echo "no JDK 25 at $jdk (set -Druntime.jdk=...): the store runtime is jlink'ed from it" >&2
  exit 1
fi
if [ ! -f "$shop_jar" ]; then
  echo "no shop jar at $shop_jar: build functions/shop first (mvn -pl infra/runtime -am ...)" >&2
  exit 1
fi
mkdir -p "$dir/lib"
cp "$shop_jar" "$dir/lib/dukan-shop-lambda.jar"
cp "$here/bootstrap" "$dir/bootstrap"
chmod 755 "$dir/bootstrap"
# The AOT cache records each jar's size and modification time; Lambda unpacks the zip with the times it carries.
# One fixed time (an even second, UTC) for every jar keeps the training run's jars and the deployed ones alike.
touch -d "2026-01-01 00:00:00 UTC" "$dir"/lib/*.jar
# jlink again only when the module list or the JDK changed (it takes most of this step's time)
stamp="$jdk $modules"
if [ ! -x "$dir/jre/bin/java" ] || [ "$(cat "$dir/jre/.dukan-modules" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$dir/jre"
  "$jdk/bin/jlink" --add-modules "$modules" --include-locales=en,ur,ar,zh,fr,es \
    --strip-debug --strip-native-debug-symbols=exclude-debuginfo-files --no-header-files --no-man-pages \
    --output "$dir/jre"
  echo "$stamp" > "$dir/jre/.dukan-modules"
fi
# An AOT cache from an earlier training run stays only if the jars and the JDK are byte for byte the ones it was made
# with (a default build after a -Pstore-runtime build copies a newer shop jar in): else it goes, with its stamp.
if [ -f "$dir/dukan-shop.aot" ]; then
  if ! (cd "$dir" && sha256sum --check --quiet --status dukan-shop.aot.sha256 2>/dev/null); then
    echo "the AOT cache in $dir was made for other jars: removed (mvn -Pstore-runtime trains a new one)"
    rm -f "$dir/dukan-shop.aot" "$dir/dukan-shop.aot.stamp" "$dir/dukan-shop.aot.sha256"
  fi
fi
du -sh "$dir/jre" "$dir/lib"
