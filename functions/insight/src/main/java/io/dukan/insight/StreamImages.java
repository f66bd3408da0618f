package io.dukan.insight;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.dukan.aws.dynamodb.InsightAggregator;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Between the two shapes of a stream record: the Lambda event's ({@link DynamodbEvent}, what AWS hands the function)
 * and the SDK's (what DynamoDB Streams' GetRecords answers, which the local cloud reads and turns into the former,
 * so the handler sees the same event locally as on AWS).
 */
public final class StreamImages {

    private StreamImages() {}

    /** A Lambda stream record as the aggregator's change. */
    static InsightAggregator.Change change(DynamodbEvent.DynamodbStreamRecord record) {
        StreamRecord r = record.getDynamodb();
        return new InsightAggregator.Change(
                record.getEventName(), sdk(r.getKeys()), sdk(r.getOldImage()), sdk(r.getNewImage()));
    }

    static Map<String, AttributeValue> sdk(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        if (image == null) {
            return null;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        image.forEach((name, value) -> out.put(name, sdk(value)));
        return out;
    }

    static AttributeValue sdk(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
        if (v.getS() != null) {
            return AttributeValue.fromS(v.getS());
        }
        if (v.getN() != null) {
            return AttributeValue.fromN(v.getN());
        }
        if (v.getB() != null) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(v.getB()));
        }
        if (v.getSS() != null) {
            return AttributeValue.fromSs(v.getSS());
        }
        if (v.getNS() != null) {
            return AttributeValue.fromNs(v.getNS());
        }
        if (v.getBS() != null) {
            return AttributeValue.fromBs(
                    v.getBS().stream().map(SdkBytes::fromByteBuffer).toList());
        }
        if (v.getM() != null) {
            return AttributeValue.fromM(sdk(v.getM()));
        }
        if (v.getL() != null) {
            return AttributeValue.fromL(v.getL().stream().map(StreamImages::sdk).toList());
        }
        if (v.getBOOL() != null) {
            return AttributeValue.fromBool(v.getBOOL());
        }
        return AttributeValue.fromNul(true);
    }

    /** DynamoDB Streams' records (the SDK's) as the event Lambda would hand the function. */
    public static DynamodbEvent event(
            List<software.amazon.awssdk.services.dynamodb.model.Record> records, String streamArn) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records.stream().map(r -> lambda(r, streamArn)).toList());
        return event;
    }

    static DynamodbEvent.DynamodbStreamRecord lambda(
            software.amazon.awssdk.services.dynamodb.model.Record record, String streamArn) {
        DynamodbEvent.DynamodbStreamRecord out = new DynamodbEvent.DynamodbStreamRecord();
        out.setEventID(record.eventID());
        out.setEventName(record.eventNameAsString());
        out.setEventSource("aws:dynamodb");
        out.setEventVersion("1.1");
        out.setAwsRegion(record.awsRegion());
        out.setEventSourceARN(streamArn);
        software.amazon.awssdk.services.dynamodb.model.StreamRecord s = record.dynamodb();
        StreamRecord r = new StreamRecord();
        r.setKeys(lambda(s.keys()));
        r.setOldImage(s.hasOldImage() ? lambda(s.oldImage()) : null);
        r.setNewImage(s.hasNewImage() ? lambda(s.newImage()) : null);
        r.setSequenceNumber(s.sequenceNumber());
        r.setSizeBytes(s.sizeBytes());
        if (s.streamViewTypeAsString() != null) {
            r.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(
                    s.streamViewTypeAsString()));
        }
        if (s.approximateCreationDateTime() != null) {
            r.setApproximateCreationDateTime(Date.from(s.approximateCreationDateTime()));
        }
        out.setDynamodb(r);
        return out;
    }

    static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> lambda(
            Map<String, AttributeValue> image) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out =
                new LinkedHashMap<>();
        image.forEach((name, value) -> out.put(name, lambda(value)));
        return out;
    }

    static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue lambda(AttributeValue v) {
        var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (v.type()) {
            case S -> out.setS(v.s());
            case N -> out.setN(v.n());
            case B -> out.setB(ByteBuffer.wrap(v.b().asByteArray()));
            case SS -> out.setSS(v.ss());
            case NS -> out.setNS(v.ns());
            case BS ->
                out.setBS(v.bs().stream()
                        .map(b -> ByteBuffer.wrap(b.asByteArray()))
                        .toList());
            case M -> out.setM(lambda(v.m()));
            case L -> out.setL(v.l().stream().map(StreamImages::lambda).toList());
            case BOOL -> out.setBOOL(v.bool());
            default -> out.setNULL(true);
        }
        return out;
    }
}
