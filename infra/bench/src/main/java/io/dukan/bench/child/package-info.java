/**
 * Entry points of the cold-start children, each run in a fresh JVM by the benchmark: {@link
 * io.dukan.bench.child.ShopColdStart} (the shop function on its deployed jar) and {@link
 * io.dukan.bench.child.FloorColdStart} (a bare handler doing one GetItem). Both build the same event, invoke their
 * handler once, print {@code READY} with the time since the process started, then wait for stdin to close so the
 * parent can read their peak RSS. Nothing here may touch the local cloud's classes: they are not on a child's
 * classpath.
 */
package io.dukan.bench.child;
