package io.dukan.bench.before;

/** Reads the parts of an ARN the fleet needs: arn:partition:service:region:account:resource. */
final class Arns {

    private Arns() {}

    static String partition(String arn) {
        return part(arn, 1);
    }

    /** arn:aws:dynamodb:eu-west-1:123456789012:table/dukan → dukan */
    static String tableName(String tableArn) {
        String resource = part(tableArn, 5);
        if (!resource.startsWith("table/") || resource.length() == "table/".length()) {
            throw new IllegalArgumentException("not a DynamoDB table ARN (arn:aws:dynamodb:…:table/NAME): " + tableArn);
        }
        String name = resource.substring("table/".length());
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /** arn:aws:s3:::dukan-media → dukan-media */
    static String bucketName(String bucketArn) {
        String name = part(bucketArn, 5);
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("not an S3 bucket ARN (arn:aws:s3:::NAME): " + bucketArn);
        }
        return name;
    }

    private static String part(String arn, int index) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || parts[1].isEmpty()) {
            throw new IllegalArgumentException("not an ARN: " + arn);
        }
        return parts[index];
    }
}
