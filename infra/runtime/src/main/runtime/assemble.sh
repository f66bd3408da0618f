#!/bin/sh
# Lays out the store runtime folder (what Lambda unpacks into /opt): the shop jar beside the runtime interface client
# (lib/, copied there by the dependency plugin), the bootstrap, and jre/, jlink'ed from JDK 25 with only the modules
# the shop needs. Called by the build (prepare-package): assemble.sh JDK SHOP_JAR RUNTIME_DIR MODULES CLASSES
set -eu
jdk=$1; shop_jar=$2; dir=$3; modules=$4; classes=$5
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
dir=$(cd "$dir" && pwd)
cp "$shop_jar" "$dir/lib/dukan-shop-lambda.jar"
# Micronaut finds its beans by listing META-INF/micronaut/ in every jar on the classpath, through a zip file system
# that first reads the jar's whole central directory: 16,000 entries in the shop jar, about a tenth of the cold start
# (interpreted; infra/bench 1c). The layer keeps those listings in a small jar of their own, dukan-shop-services.jar,
# and the shop jar without them: the same classes and resources, one short central directory to read.
"$jdk/bin/java" "$here/SplitShopJar.java" "$dir/lib/dukan-shop-lambda.jar" "$dir/lib/dukan-shop-services.jar"
# This module's replacements of SDK classes (software/..., see GeneratedServiceMetadataProvider), first on the
# bootstrap's classpath
rm -f "$dir/lib/dukan-sdk-overrides.jar"
"$jdk/bin/jar" --create --date=2026-01-01T00:00:00Z --file "$dir/lib/dukan-sdk-overrides.jar" -C "$classes" software
# The runtime interface client's native part, out of its jar once here rather than into /tmp at every start
# (the bootstrap names it: -Dcom.amazonaws...NativeClient.JNI). x86_64, as the jlink'ed JDK.
jni=$(mktemp -d)
(cd "$jni" && "$jdk/bin/jar" --extract --file "$dir/lib/aws-lambda-java-runtime-interface-client.jar" \
  jni/libaws-lambda-jni.linux-x86_64.so)
mv "$jni/jni/libaws-lambda-jni.linux-x86_64.so" "$dir/lib/"
rm -rf "$jni"
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
