package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateValuesTest {

    private final TemplateValues values =
            new TemplateValues(Set.of("DukanTable"), Set.of("MediaBucket"), Map.of("StageName", "prod"));

    @Test
    void refsAndArns_resolveToLocalNames() {
        assertThat(values.resolve(Map.of("Ref", "DukanTable"))).isEqualTo("dukantable");
        assertThat(values.resolve(Map.of("Ref", "MediaBucket"))).isEqualTo("mediabucket");
        assertThat(values.resolve(Map.of("Fn::GetAtt", List.of("DukanTable", "Arn"))))
                .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/dukantable");
        assertThat(values.resolve(Map.of("Fn::GetAtt", List.of("MediaBucket", "Arn"))))
                .isEqualTo("arn:aws:s3:::mediabucket");
        assertThat(values.resolve(Map.of("Ref", "StageName"))).isEqualTo("prod");
        assertThat(values.resolve(Map.of("Ref", "PlatformApi"))).isEqualTo("local-PlatformApi");
        assertThat(values.resolve("plain")).isEqualTo("plain");
        assertThat(values.resolve(1024)).isEqualTo("1024");
    }

    @Test
    void sub_replacesPseudoParametersRefsAndAttributes() {
        assertThat(
                        values.resolve(
                                Map.of(
                                        "Fn::Sub",
                                        "arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${PlatformApi}/${StageName}/${!Literal}")))
                .isEqualTo("arn:aws:execute-api:us-east-1:000000000000:local-PlatformApi/prod/${Literal}");
        assertThat(values.resolve(Map.of("Fn::Sub", "${AWS::StackName}-store"))).isEqualTo("dukan-local-store");
        assertThat(values.resolve(Map.of("Fn::Sub", "${DukanTable.Arn}/index/*")))
                .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/dukantable/index/*");
        assertThat(values.resolve(Map.of(
                        "Fn::Sub", List.of("${Name}-x", Map.of("Name", Map.of("Ref", "MediaBucket"))))))
                .isEqualTo("mediabucket-x");
    }

    @Test
    void join_resolvesEachPart() {
        assertThat(values.resolve(Map.of("Fn::Join", List.of(":", List.of("a", Map.of("Ref", "DukanTable"))))))
                .isEqualTo("a:dukantable");
    }
}
