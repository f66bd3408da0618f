package io.dukan.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small SAM template shaped like the platform's: a table with a GSI and TTL, a bucket whose CORS names only the
 * deployed origin (as template.yaml does), a function with API events and intrinsic-valued environment.
 */
final class TestTemplate {

    static final String YAML = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              StageName:
                Type: String
                Default: prod
            Globals:
              Function:
                Runtime: java17
                Environment:
                  Variables:
                    DUKAN_TABLE: !Ref DukanTable
            Resources:
              DukanTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions:
                    - AttributeName: pk
                      AttributeType: S
                    - AttributeName: sk
                      AttributeType: S
                    - AttributeName: gsi1pk
                      AttributeType: S
                    - AttributeName: gsi1sk
                      AttributeType: N
                  KeySchema:
                    - AttributeName: pk
                      KeyType: HASH
                    - AttributeName: sk
                      KeyType: RANGE
                  GlobalSecondaryIndexes:
                    - IndexName: gsi1
                      KeySchema:
                        - AttributeName: gsi1pk
                          KeyType: HASH
                        - AttributeName: gsi1sk
                          KeyType: RANGE
                      Projection:
                        ProjectionType: KEYS_ONLY
                  TimeToLiveSpecification:
                    AttributeName: expiresAt
                    Enabled: true
              MediaBucket:
                Type: AWS::S3::Bucket
                Properties:
                  CorsConfiguration:
                    CorsRules:
                      - AllowedOrigins:
                          - !Sub https://${PlatformApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}
                        AllowedMethods: [GET, PUT, HEAD]
                        AllowedHeaders: ['*']
                        ExposedHeaders: [ETag]
                        MaxAge: 3000
              PlatformApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: !Ref StageName
              ProvisioningFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: io.dukan.local.EchoHandler::handleRequest
                  Environment:
                    Variables:
                      DUKAN_BUCKET: !Ref MediaBucket
                      DUKAN_FLEET_TABLE_ARN: !GetAtt DukanTable.Arn
                      DUKAN_FLEET_BUCKET_ARN: !GetAtt MediaBucket.Arn
                      DUKAN_FLEET_REST_API_ID: !Ref PlatformApi
                      DUKAN_FLEET_STAGE: !Ref StageName
                      DUKAN_FLEET_NAME_PREFIX: !Sub '${AWS::StackName}-store'
                      DUKAN_FLEET_ACCOUNT_ID: !Ref AWS::AccountId
                  Events:
                    Signup:
                      Type: Api
                      Properties:
                        RestApiId: !Ref PlatformApi
                        Path: /signup
                        Method: ANY
                    StoreStatus:
                      Type: Api
                      Properties:
                        RestApiId: !Ref PlatformApi
                        Path: /api/stores/{slug}
                        Method: GET
                    UnknownStore:
                      Type: Api
                      Properties:
                        RestApiId: !Ref PlatformApi
                        Path: /s/{store}/{proxy+}
                        Method: ANY
                    UnknownStoreRoot:
                      Type: Api
                      Properties:
                        RestApiId: !Ref PlatformApi
                        Path: /s/{store}
                        Method: ANY
            """;

    private TestTemplate() {}

    /** Writes the template into {@code dir} and returns its path. */
    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("template.yaml"), YAML);
    }
}
