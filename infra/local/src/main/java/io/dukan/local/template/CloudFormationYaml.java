package io.dukan.local.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation YAML template into plain maps, lists and scalars, turning every short-form tag into the
 * long form CloudFormation itself would see: {@code !Ref X} → {@code {Ref: X}}, {@code !Condition X} →
 * {@code {Condition: X}}, {@code !GetAtt A.B} → {@code {Fn::GetAtt: [A, B]}}, and any other {@code !Name v} →
 * {@code {Fn::Name: v}} (Sub, Join, If, Equals, Not, And, Or, Select, Split, FindInMap, ImportValue, Base64,
 * GetAZs, Cidr, and whatever CloudFormation adds later).
 */
final class CloudFormationYaml {

    private CloudFormationYaml() {}

    /**
     * The document as an unmodifiable tree: maps keep their order and have String keys (a YAML key such as
     * {@code 200:} becomes "200"), lists are unmodifiable, scalars are String, Integer, Long, BigInteger, Double,
     * Boolean or null.
     *
     * @throws IllegalArgumentException when the text is not YAML, repeats a key, or is not a mapping at the top
     */
    static Map<String, Object> parse(String yaml, String source) {
        LoaderOptions options = new LoaderOptions();
        // CloudFormation rejects a template that repeats a key; SnakeYAML would silently keep the last one.
        options.setAllowDuplicateKeys(false);
        Object document;
        try {
            document = new Yaml(new IntrinsicConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(
                    source + ": not a readable CloudFormation template: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(source + ": a template is a mapping at the top level, not "
                    + (document == null
                            ? "an empty document"
                            : document.getClass().getSimpleName()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) freeze(document);
        return tree;
    }

    /** Deep, order-keeping, unmodifiable copy with String keys. */
    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), freeze(item)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(freeze(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** SnakeYAML's safe constructor (no arbitrary classes) plus CloudFormation's tags. */
    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            // Every local tag ("!Something") is an intrinsic function; YAML's own tags are "tag:yaml.org,2002:…".
            yamlMultiConstructors.put("!", new ConstructIntrinsic());
            // CloudFormation reads an unquoted 2012-10-17 (a policy's Version) as text; YAML 1.1 would make a date.
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructPlainText());
        }

        private final class ConstructPlainText extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                return constructScalar((ScalarNode) node);
            }
        }

        private final class ConstructIntrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String name = node.getTag().getValue().substring(1);
                if (name.isEmpty()) {
                    throw new YAMLException("a bare '!' tag is no intrinsic function" + at(node));
                }
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    argument = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else {
                    argument = constructMapping((MappingNode) node);
                }
                Map<Object, Object> intrinsic = new LinkedHashMap<>(2);
                switch (name) {
                    case "Ref", "Condition" -> intrinsic.put(name, argument);
                    case "GetAtt" -> intrinsic.put("Fn::GetAtt", getAttArgument(argument, node));
                    default -> intrinsic.put("Fn::" + name, argument);
                }
                return intrinsic;
            }

            /** "Resource.Attribute" splits at the first dot (attributes such as Endpoint.Address keep theirs). */
            private Object getAttArgument(Object argument, Node node) {
                if (!(argument instanceof String text)) {
                    return argument;
                }
                int dot = text.indexOf('.');
                if (dot <= 0 || dot == text.length() - 1) {
                    throw new YAMLException("!GetAtt needs Resource.Attribute, not '" + text + "'" + at(node));
                }
                return List.of(text.substring(0, dot), text.substring(dot + 1));
            }

            private String at(Node node) {
                return node.getStartMark() == null
                        ? ""
                        : " (" + node.getStartMark().toString().strip() + ")";
            }
        }
    }
}
