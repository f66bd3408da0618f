package io.dukan.local.template;

/**
 * One Api event of a function: the REST API resource path as written in the template and its method, upper-case
 * ("any" in the template becomes "ANY", which API Gateway matches against every method).
 *
 * @param path   e.g. {@code /signup} or {@code /s/{store}/{proxy+}}
 * @param method GET, POST, …, or ANY
 */
public record ApiRoute(String path, String method) {}
