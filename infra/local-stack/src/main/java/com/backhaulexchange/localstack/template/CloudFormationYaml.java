package com.backhaulexchange.localstack.template;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads a CloudFormation/SAM template written in YAML into a JSON tree, turning the short-form intrinsic
 * tags into their long form: {@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !GetAtt A.B} becomes
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Sub s} becomes {@code {"Fn::Sub": s}} and so on.
 *
 * <p>Jackson's tree mapper drops YAML tags, but its streaming parser reports them as type ids, so the tree
 * is built here from the token stream.
 */
public final class CloudFormationYaml {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String YAML_CORE_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final Set<String> FN_TAGS = Set.of(
            "GetAtt", "Sub", "Join", "Select", "Split", "If", "Equals", "Not", "And", "Or", "FindInMap",
            "Base64", "Cidr", "GetAZs", "ImportValue", "Transform", "Length", "ToJsonString");

    private CloudFormationYaml() {
    }

    public static JsonNode read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new TemplateException("Cannot read template " + file + ": " + e.getMessage(), e);
        }
    }

    public static JsonNode parse(String yaml) {
        try {
            return read(new StringReader(yaml), "<string>");
        } catch (IOException e) {
            throw new TemplateException("Cannot parse template: " + e.getMessage(), e);
        }
    }

    private static JsonNode read(Reader reader, String source) throws IOException {
        try (YAMLParser parser = YAML.createParser(reader)) {
            if (parser.nextToken() == null) {
                throw new TemplateException("Template " + source + " is empty");
            }
            return readValue(parser);
        }
    }

    private static JsonNode readValue(YAMLParser parser) throws IOException {
        String tag = parser.getTypeId();
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new TemplateException("Unexpected YAML token " + parser.currentToken()
                    + " at " + parser.currentLocation());
        };
        return tag == null || tag.startsWith(YAML_CORE_TAG_PREFIX) ? value : longForm(tag, value, parser);
    }

    private static ObjectNode readObject(YAMLParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, readValue(parser));
        }
        return object;
    }

    private static ArrayNode readArray(YAMLParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(parser));
        }
        return array;
    }

    private static JsonNode longForm(String tag, JsonNode value, YAMLParser parser) {
        if (tag.equals("Ref") || tag.equals("Condition")) {
            return NODES.objectNode().set(tag, value);
        }
        if (!FN_TAGS.contains(tag)) {
            throw new TemplateException("Unknown YAML tag !" + tag + " at " + parser.currentLocation());
        }
        if (tag.equals("GetAtt") && value.isTextual()) {
            // "Resource.Attribute"; the attribute itself may contain dots (Endpoint.Address).
            String text = value.textValue();
            int dot = text.indexOf('.');
            if (dot < 1) {
                throw new TemplateException("!GetAtt " + text + " is not of the form Resource.Attribute");
            }
            value = NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
        }
        return NODES.objectNode().set("Fn::" + tag, value);
    }
}
