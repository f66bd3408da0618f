/**
 * The benchmark of issue 6, outside the test suite: {@link io.dukan.bench.Bench} starts the local cloud in this JVM,
 * measures each figure next to its floor in the same run (cold starts in child JVMs, warm pages and orders over
 * HTTP, provisioning, scale, memory) and prints one table. Run with {@code mvn -Pbench verify} from the project root.
 * The classes in {@code io.dukan.bench.child} are the cold-start children's entry points; they run in other JVMs.
 */
package io.dukan.bench;
