package io.dukan.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that stands in for AWS in unit tests: it records every request the real SDK clients send and
 * answers from a script (first matching rule wins), else with a plausible success for the operation. Speaks IAM's
 * query protocol, Lambda's and API Gateway's REST-JSON, and DynamoDB's JSON protocol.
 */
public final class ScriptedAws implements SdkHttpClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIGNING_SERVICE = Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request");
    private static final Pattern CREATE_RESOURCE = Pattern.compile("/restapis/[^/]+/resources/([^/]+)");

    /**
     * One request as it went over the wire. {@code service} is the SigV4 signing name: iam, lambda, apigateway,
     * dynamodb.
     */
    public record Request(
            String service,
            String method,
            String path,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            String body) {

        /** IAM's form action (CreateRole), DynamoDB's target (GetItem), or "METHOD /path" for the REST services. */
        public String operation() {
            if (service.equals("iam")) {
                return form().get("Action");
            }
            return target().orElse(method + " " + path);
        }

        /** The JSON protocol's operation, from X-Amz-Target: "DynamoDB_20120810.GetItem" → "GetItem". */
        public Optional<String> target() {
            return headers.entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase("X-Amz-Target")
                            && !h.getValue().isEmpty())
                    .map(h -> h.getValue().get(0))
                    .map(target -> target.substring(target.indexOf('.') + 1))
                    .findFirst();
        }

        public boolean isTarget(String service, String operation) {
            return this.service.equals(service) && target().equals(Optional.of(operation));
        }

        public boolean is(String service, String method, String pathRegex) {
            return this.service.equals(service) && this.method.equals(method) && path.matches(pathRegex);
        }

        public boolean isIam(String action) {
            return service.equals("iam") && action.equals(form().get("Action"));
        }

        /** IAM's query-protocol body: Action=CreateRole&RoleName=…, decoded. */
        public Map<String, String> form() {
            Map<String, String> form = new TreeMap<>();
            if (body.isEmpty()) {
                return form;
            }
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.put(key, value);
            }
            return form;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body.isEmpty() ? "{}" : body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Optional<String> queryParameter(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    /** A scripted answer. */
    public record Reply(int status, Map<String, String> headers, String body) {

        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body);
        }

        public static Reply empty(int status) {
            return new Reply(status, Map.of(), "");
        }

        /** Lambda and API Gateway (REST-JSON) errors: the type travels in x-amzn-ErrorType. */
        public static Reply restError(int status, String type, String message) {
            return new Reply(
                    status,
                    Map.of("Content-Type", "application/json", "x-amzn-ErrorType", type),
                    "{\"Type\":\"User\",\"message\":\"" + message + "\"}");
        }

        /** IAM (query protocol) errors. */
        public static Reply iamError(int status, String code, String message) {
            return new Reply(
                    status,
                    Map.of("Content-Type", "text/xml"),
                    "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>"
                            + "<Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                            + "<RequestId>req-1</RequestId></ErrorResponse>");
        }

        /** DynamoDB (JSON 1.0 protocol) answers. */
        public static Reply dynamo(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/x-amz-json-1.0"), body);
        }

        /** A DynamoDB error; {@code members} are the exception's own fields, e.g. "CancellationReasons":[…]. */
        public static Reply dynamoError(int status, String type, String message, String members) {
            return dynamo(
                    status,
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"" + message + "\""
                            + (members.isEmpty() ? "" : "," + members) + "}");
        }

        public static Reply iamSuccess(String action) {
            return new Reply(
                    200,
                    Map.of("Content-Type", "text/xml"),
                    "<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><" + action
                            + "Result/><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></" + action
                            + "Response>");
        }
    }

    private record Rule(Predicate<Request> when, Function<Request, Reply> reply, int[] remaining) {}

    private final List<Rule> rules = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();

    /** Answers matching requests with these replies in turn, the last one from then on. */
    public ScriptedAws on(Predicate<Request> when, Reply... replies) {
        List<Reply> queue = List.of(replies);
        int[] served = {0};
        rules.add(new Rule(when, request -> queue.get(Math.min(served[0]++, queue.size() - 1)), new int[] {-1}));
        return this;
    }

    /** Answers only the next {@code times} matching requests, then falls through to later rules and defaults. */
    public ScriptedAws onFirst(int times, Predicate<Request> when, Reply reply) {
        rules.add(new Rule(when, request -> reply, new int[] {times}));
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<String> operations() {
        return requests().stream().map(Request::operation).toList();
    }

    public List<Request> matching(Predicate<Request> filter) {
        return requests().stream().filter(filter).toList();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest execute) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                Request request = record(execute);
                Reply reply = answer(request);
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                SdkHttpResponse.Builder response = SdkHttpResponse.builder()
                        .statusCode(reply.status())
                        .putHeader("x-amzn-RequestId", "req-" + requests.size())
                        .putHeader("Content-Length", String.valueOf(body.length));
                reply.headers().forEach(response::putHeader);
                return HttpExecuteResponse.builder()
                        .response(response.build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    private synchronized Request record(HttpExecuteRequest execute) throws IOException {
        SdkHttpRequest http = execute.httpRequest();
        String body = "";
        if (execute.contentStreamProvider().isPresent()) {
            try (InputStream in = execute.contentStreamProvider().get().newStream()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        String authorization = http.firstMatchingHeader("Authorization").orElse("");
        Matcher signing = SIGNING_SERVICE.matcher(authorization);
        String service = signing.find() ? signing.group(1) : "unknown";
        String path = URI.create("http://localhost" + http.encodedPath()).getPath();
        Request request = new Request(
                service,
                http.method().name(),
                path,
                new LinkedHashMap<>(http.rawQueryParameters()),
                new TreeMap<>(http.headers()),
                body);
        requests.add(request);
        return request;
    }

    private synchronized Reply answer(Request request) {
        for (Rule rule : rules) {
            if (rule.remaining()[0] != 0 && rule.when().test(request)) {
                if (rule.remaining()[0] > 0) {
                    rule.remaining()[0]--;
                }
                return rule.reply().apply(request);
            }
        }
        return success(request);
    }

    /** What AWS answers when all goes well, as far as the SDK needs it. */
    private static Reply success(Request request) {
        switch (request.service()) {
            case "iam":
                return Reply.iamSuccess(request.form().get("Action"));
            case "apigateway":
                if (request.method().equals("GET") && request.path().endsWith("/resources")) {
                    return Reply.json(200, "{\"item\":[]}");
                }
                Matcher create = CREATE_RESOURCE.matcher(request.path());
                if (request.method().equals("POST") && create.matches()) {
                    String pathPart = request.json().path("pathPart").asText();
                    return Reply.json(
                            201,
                            "{\"id\":\"" + resourceId(pathPart) + "\",\"parentId\":\"" + create.group(1)
                                    + "\",\"pathPart\":\"" + pathPart + "\"}");
                }
                if (request.method().equals("DELETE")) {
                    return Reply.empty(202);
                }
                return Reply.json(201, "{}");
            case "lambda":
                return request.method().equals("DELETE") ? Reply.empty(204) : Reply.json(201, "{}");
            case "dynamodb":
                return Reply.dynamo(200, "{}");
            case "logs":
                return Reply.dynamo(200, "{}");
            default:
                throw new IllegalStateException("unexpected request " + request);
        }
    }

    /** The id the default CreateResource answer gives: "shop" → "res-shop", "{proxy+}" → "res-proxy". */
    public static String resourceId(String pathPart) {
        return "res-" + pathPart.replaceAll("[^a-z0-9-]", "");
    }

    @Override
    public void close() {}
}
