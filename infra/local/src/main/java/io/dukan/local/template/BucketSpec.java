package io.dukan.local.template;

import java.util.List;

/**
 * An S3 bucket as the template declares it (AWS::S3::Bucket).
 *
 * @param cors the CorsConfiguration's rules in order; empty when it has none
 */
public record BucketSpec(String logicalId, List<CorsRule> cors) {

    public BucketSpec {
        cors = cors == null ? List.of() : List.copyOf(cors);
    }
}
