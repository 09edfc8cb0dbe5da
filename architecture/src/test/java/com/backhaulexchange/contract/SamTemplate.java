package com.backhaulexchange.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * template.yaml as CloudFormation reads it: the short-form intrinsic functions ({@code !Ref X},
 * {@code !GetAtt A.B}, {@code !Sub ...}) become their JSON long form ({@code {"Ref": "X"}},
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code {"Fn::Sub": ...}}), so the tests can tell a reference
 * from a literal.
 */
public final class SamTemplate {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private SamTemplate(JsonNode root) {
        this.root = root;
    }

    public static SamTemplate load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object parsed = new Yaml(new IntrinsicFunctionConstructor()).load(reader);
            return new SamTemplate(JSON.valueToTree(parsed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    public JsonNode resource(String logicalId) {
        return root.path("Resources").path(logicalId);
    }

    /** Resources of a type, by logical id, in template order. */
    public Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        root.path("Resources").properties().forEach(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                resources.put(entry.getKey(), entry.getValue());
            }
        });
        return resources;
    }

    public Map<String, JsonNode> functions() {
        return resourcesOfType("AWS::Serverless::Function");
    }

    /**
     * A function property as SAM sees it after applying Globals.Function: a property set on the
     * function wins; maps (LoggingConfig, Environment, ...) are merged with the global one, as SAM does.
     */
    public JsonNode effectiveFunctionProperty(String functionId, String property) {
        JsonNode own = resource(functionId).path("Properties").path(property);
        JsonNode global = root.path("Globals").path("Function").path(property);
        if (own.isObject() && global.isObject()) {
            ObjectNode merged = ((ObjectNode) global).deepCopy();
            mergeInto(merged, (ObjectNode) own);
            return merged;
        }
        return own.isMissingNode() ? global : own;
    }

    /** The logical id a {@code {"Ref": id}} or {@code {"Fn::GetAtt": [id, attr]}} names, if the node is one. */
    public static Optional<String> referencedLogicalId(JsonNode node) {
        if (node.has("Ref")) {
            return Optional.of(node.get("Ref").asText().split("\\.", 2)[0]);
        }
        if (node.has("Fn::GetAtt")) {
            return Optional.of(node.get("Fn::GetAtt").get(0).asText());
        }
        return Optional.empty();
    }

    public static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return list;
        }
        if (node.isArray()) {
            node.forEach(list::add);
        } else {
            list.add(node);
        }
        return list;
    }

    private static void mergeInto(ObjectNode target, ObjectNode overrides) {
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode overrideObject) {
                mergeInto(existingObject, overrideObject);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    /** Builds the long form of every {@code !Tag}: {@code !Ref} to "Ref", any other {@code !Name} to "Fn::Name". */
    private static final class IntrinsicFunctionConstructor extends SafeConstructor {
        IntrinsicFunctionConstructor() {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue().substring(1);
                    String function = tag.equals("Ref") ? "Ref" : "Fn::" + tag;
                    Object argument = switch (node) {
                        case ScalarNode scalar -> tag.equals("GetAtt")
                                ? List.of(scalar.getValue().split("\\.", 2))
                                : scalar.getValue();
                        case SequenceNode sequence -> constructSequence(sequence);
                        case MappingNode mapping -> constructMapping(mapping);
                        default -> throw new IllegalArgumentException("unexpected YAML node " + node);
                    };
                    return Map.of(function, argument);
                }
            });
        }
    }
}
