/**
 * The AWS store fleet adapter as it was before the routing change (commit 66d7fa3, package io.dukan.aws.fleet):
 * copied unchanged but for the package and the Micronaut annotations (none of it is a bean here), so that the
 * benchmark counts the AWS requests it made for one store the same way it counts today's adapter's. Never used
 * outside {@code io.dukan.bench.AwsRequests}.
 */
package io.dukan.bench.before;
