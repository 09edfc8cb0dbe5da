package com.backhaulexchange.localstack.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions to the values they have in the local stack.
 *
 * <ul>
 *   <li>{@code Ref} to a table gives its local name (the logical id), to a queue its local URL, to a function
 *       (or {@code Function.Alias}) the function's logical id, to a parameter the override given to the stack
 *       or else its Default.</li>
 *   <li>{@code Fn::GetAtt} supports {@code Queue.Arn|QueueUrl|QueueName}, {@code Table.Arn|StreamArn} and
 *       {@code Function.Arn}.</li>
 *   <li>{@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select} and {@code Fn::Split} are evaluated; anything
 *       else fails with a {@link TemplateException} naming where it was found.</li>
 * </ul>
 */
public final class IntrinsicResolver {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*,\\s*");

    private final TemplateModel template;
    private final LocalEnvironment environment;

    public IntrinsicResolver(TemplateModel template, LocalEnvironment environment) {
        this.template = template;
        this.environment = environment;
        environment.parameterOverrides().forEach((name, value) -> {
            TemplateParameter parameter = template.parameters().get(name);
            if (parameter == null) {
                throw new TemplateException("Parameter override " + name + " does not match any parameter of "
                        + template.source() + "; it declares " + template.parameters().keySet());
            }
            parameter.validate(value);
        });
    }

    public TemplateModel template() {
        return template;
    }

    public LocalEnvironment environment() {
        return environment;
    }

    /**
     * Resolves every intrinsic function inside {@code node}. {@code location} names where the node sits in
     * the template (for example {@code MyFunction.Properties.Environment}) and appears in error messages.
     * A property whose value is {@code Ref AWS::NoValue} is removed, as CloudFormation does.
     */
    public JsonNode resolve(JsonNode node, String location) {
        if (node.isObject()) {
            Optional<Map.Entry<String, JsonNode>> intrinsic = asIntrinsic(node);
            if (intrinsic.isPresent()) {
                return evaluate(intrinsic.get().getKey(), intrinsic.get().getValue(), location);
            }
            ObjectNode resolved = NODES.objectNode();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                JsonNode value = resolve(property.getValue(), location + "." + property.getKey());
                if (!value.isMissingNode()) {
                    resolved.set(property.getKey(), value);
                }
            }
            return resolved;
        }
        if (node.isArray()) {
            ArrayNode resolved = NODES.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = resolve(node.get(i), location + "[" + i + "]");
                if (!value.isMissingNode()) {
                    resolved.add(value);
                }
            }
            return resolved;
        }
        return node;
    }

    /** Resolves {@code node} and requires a scalar, returned as text (numbers and booleans as written). */
    public String resolveText(JsonNode node, String location) {
        JsonNode resolved = resolve(node, location);
        if (!resolved.isValueNode()) {
            throw new TemplateException(location + " must resolve to a single value but resolved to " + resolved);
        }
        return resolved.asText();
    }

    /**
     * The logical id a property points to: {@code !Ref X}, {@code !Ref X.Alias}, {@code !GetAtt X.Arn} or
     * {@code ${X.Arn}} in a {@code !Sub}. Used where the local stack needs to know which resource is meant
     * (RestApiId, an authorizer's FunctionArn, an event's Queue) rather than a string value.
     */
    public String referencedLogicalId(JsonNode node, String location) {
        String id = null;
        if (node.has("Ref") && node.size() == 1 && node.get("Ref").isTextual()) {
            id = node.get("Ref").textValue();
        } else if (node.has("Fn::GetAtt") && node.size() == 1) {
            JsonNode target = node.get("Fn::GetAtt");
            id = target.isArray() ? target.path(0).asText() : target.asText();
        } else if (node.has("Fn::Sub") && node.size() == 1 && node.get("Fn::Sub").isTextual()) {
            String text = node.get("Fn::Sub").textValue().trim();
            if (text.startsWith("${") && text.endsWith("}") && text.indexOf("${", 2) < 0) {
                id = text.substring(2, text.length() - 1);
            }
        } else if (node.isTextual() && template.findResource(node.textValue()).isPresent()) {
            id = node.textValue();
        }
        if (id == null) {
            throw new TemplateException(location + " must reference a resource of this template (Ref or GetAtt) but is "
                    + node);
        }
        int dot = id.indexOf('.');
        String logicalId = dot > 0 ? id.substring(0, dot) : id;
        if (template.findResource(logicalId).isEmpty()) {
            throw new TemplateException(location + " references " + logicalId + ", which is not a resource of "
                    + template.source());
        }
        return logicalId;
    }

    public String parameterValue(String name) {
        TemplateParameter parameter = template.parameters().get(name);
        if (parameter == null) {
            throw new TemplateException("Template " + template.source() + " has no parameter " + name);
        }
        String override = environment.parameterOverrides().get(name);
        if (override != null) {
            return override;
        }
        return parameter.defaultValue().orElseThrow(() -> new TemplateException(
                "Parameter " + name + " has no Default; give it a value (--parameter " + name + "=...)"));
    }

    public String tableName(String logicalId) {
        requireType(logicalId, TemplateModel.DYNAMODB_TABLE);
        return logicalId;
    }

    public String tableArn(String logicalId) {
        return "arn:aws:dynamodb:" + environment.region() + ":" + environment.accountId() + ":table/"
                + tableName(logicalId);
    }

    /** S3 names a bucket without a BucketName; locally the logical id, in the lower case bucket names need. */
    public String bucketName(String logicalId) {
        requireType(logicalId, TemplateModel.S3_BUCKET);
        return logicalId.toLowerCase(java.util.Locale.ROOT);
    }

    public String queueName(String logicalId) {
        TemplateResource queue = requireType(logicalId, TemplateModel.SQS_QUEUE);
        JsonNode explicitName = queue.properties().path("QueueName");
        if (!explicitName.isMissingNode()) {
            return resolveText(explicitName, logicalId + ".Properties.QueueName");
        }
        boolean fifo = resolve(queue.properties().path("FifoQueue"), logicalId + ".Properties.FifoQueue").asBoolean(false);
        // CloudFormation generates a name for an unnamed queue; locally the logical id is that name.
        return fifo ? logicalId + ".fifo" : logicalId;
    }

    public String queueUrl(String logicalId) {
        String endpoint = environment.sqsEndpoint().toString().replaceAll("/+$", "");
        return endpoint + "/" + environment.accountId() + "/" + queueName(logicalId);
    }

    public String queueArn(String logicalId) {
        return "arn:aws:sqs:" + environment.region() + ":" + environment.accountId() + ":" + queueName(logicalId);
    }

    private TemplateResource requireType(String logicalId, String type) {
        TemplateResource resource = template.resource(logicalId);
        if (!resource.isOfType(type)) {
            throw new TemplateException("Resource " + logicalId + " is a " + resource.type() + ", not a " + type);
        }
        return resource;
    }

    private static Optional<Map.Entry<String, JsonNode>> asIntrinsic(JsonNode node) {
        if (node.size() != 1) {
            return Optional.empty();
        }
        Map.Entry<String, JsonNode> only = node.properties().iterator().next();
        String key = only.getKey();
        return key.equals("Ref") || key.startsWith("Fn::") ? Optional.of(only) : Optional.empty();
    }

    private JsonNode evaluate(String function, JsonNode argument, String location) {
        return switch (function) {
            case "Ref" -> ref(requireText(argument, function, location), location);
            case "Fn::GetAtt" -> getAtt(argument, location);
            case "Fn::Sub" -> NODES.textNode(sub(argument, location));
            case "Fn::Join" -> NODES.textNode(join(argument, location));
            case "Fn::Select" -> select(argument, location);
            case "Fn::Split" -> split(argument, location);
            default -> throw new TemplateException(function + " at " + location + " is not supported by the local stack");
        };
    }

    private JsonNode ref(String name, String location) {
        if (name.startsWith("AWS::")) {
            return pseudoParameter(name, location);
        }
        TemplateParameter parameter = template.parameters().get(name);
        if (parameter != null) {
            String value = parameterValue(name);
            if (parameter.isList()) {
                ArrayNode values = NODES.arrayNode();
                Arrays.stream(LIST_SEPARATOR.split(value.trim())).forEach(values::add);
                return values;
            }
            return NODES.textNode(value);
        }
        int dot = name.indexOf('.');
        String logicalId = dot > 0 ? name.substring(0, dot) : name;
        String suffix = dot > 0 ? name.substring(dot + 1) : null;
        TemplateResource resource = template.findResource(logicalId).orElseThrow(() -> new TemplateException(
                "Ref " + name + " at " + location + " names neither a parameter nor a resource of " + template.source()));
        String type = resource.type();
        if (suffix == null && type.equals(TemplateModel.DYNAMODB_TABLE)) {
            return NODES.textNode(tableName(logicalId));
        }
        if (suffix == null && type.equals(TemplateModel.SQS_QUEUE)) {
            return NODES.textNode(queueUrl(logicalId));
        }
        if (suffix == null && type.equals(TemplateModel.S3_BUCKET)) {
            return NODES.textNode(bucketName(logicalId));
        }
        if (type.equals(TemplateModel.SERVERLESS_FUNCTION)
                && (suffix == null || suffix.equals("Alias") || suffix.equals("Version"))) {
            return NODES.textNode(logicalId);
        }
        if (suffix == null && type.equals(TemplateModel.SERVERLESS_API)) {
            return NODES.textNode(LocalEnvironment.REST_API_ID);
        }
        throw new TemplateException("Ref " + name + " at " + location + ": Ref to a " + type
                + " is not supported by the local stack");
    }

    private JsonNode pseudoParameter(String name, String location) {
        return switch (name) {
            case "AWS::Region" -> NODES.textNode(environment.region());
            case "AWS::AccountId" -> NODES.textNode(environment.accountId());
            case "AWS::StackName" -> NODES.textNode(environment.stackName());
            case "AWS::StackId" -> NODES.textNode("arn:aws:cloudformation:" + environment.region() + ":"
                    + environment.accountId() + ":stack/" + environment.stackName() + "/local");
            case "AWS::Partition" -> NODES.textNode("aws");
            case "AWS::URLSuffix" -> NODES.textNode("amazonaws.com");
            case "AWS::NoValue" -> MissingNode.getInstance();
            default -> throw new TemplateException("Pseudo parameter " + name + " at " + location
                    + " is not supported by the local stack");
        };
    }

    private JsonNode getAtt(JsonNode argument, String location) {
        String logicalId;
        String attribute;
        if (argument.isArray() && argument.size() == 2) {
            logicalId = requireText(argument.get(0), "Fn::GetAtt", location);
            attribute = resolveText(argument.get(1), location + ".Fn::GetAtt[1]");
        } else if (argument.isTextual() && argument.textValue().indexOf('.') > 0) {
            String text = argument.textValue();
            logicalId = text.substring(0, text.indexOf('.'));
            attribute = text.substring(text.indexOf('.') + 1);
        } else {
            throw new TemplateException("Fn::GetAtt at " + location + " must be [LogicalId, Attribute] but is " + argument);
        }
        return NODES.textNode(attributeValue(logicalId, attribute, location));
    }

    private String attributeValue(String logicalId, String attribute, String location) {
        TemplateResource resource = template.findResource(logicalId).orElseThrow(() -> new TemplateException(
                "Fn::GetAtt " + logicalId + "." + attribute + " at " + location + ": no resource " + logicalId
                        + " in " + template.source()));
        String value = switch (resource.type()) {
            case TemplateModel.SQS_QUEUE -> switch (attribute) {
                case "Arn" -> queueArn(logicalId);
                case "QueueUrl" -> queueUrl(logicalId);
                case "QueueName" -> queueName(logicalId);
                default -> null;
            };
            case TemplateModel.DYNAMODB_TABLE -> switch (attribute) {
                case "Arn" -> tableArn(logicalId);
                case "StreamArn" -> tableArn(logicalId) + "/stream/1970-01-01T00:00:00.000";
                default -> null;
            };
            case TemplateModel.SERVERLESS_FUNCTION -> attribute.equals("Arn") ? logicalId : null;
            case TemplateModel.S3_BUCKET -> attribute.equals("Arn") ? "arn:aws:s3:::" + bucketName(logicalId) : null;
            default -> null;
        };
        if (value == null) {
            throw new TemplateException("Fn::GetAtt " + logicalId + "." + attribute + " at " + location + ": attribute "
                    + attribute + " of a " + resource.type() + " is not supported by the local stack");
        }
        return value;
    }

    private String sub(JsonNode argument, String location) {
        String text;
        JsonNode variables = NODES.objectNode();
        if (argument.isTextual()) {
            text = argument.textValue();
        } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual() && argument.get(1).isObject()) {
            text = argument.get(0).textValue();
            variables = resolve(argument.get(1), location + ".Fn::Sub[1]");
        } else {
            throw new TemplateException("Fn::Sub at " + location + " must be a string or [string, {variables}] but is "
                    + argument);
        }
        StringBuilder result = new StringBuilder();
        int position = 0;
        while (position < text.length()) {
            int start = text.indexOf("${", position);
            if (start < 0) {
                result.append(text, position, text.length());
                break;
            }
            result.append(text, position, start);
            int end = text.indexOf('}', start);
            if (end < 0) {
                throw new TemplateException("Fn::Sub at " + location + " has an unclosed ${ in: " + text);
            }
            String name = text.substring(start + 2, end);
            if (name.startsWith("!")) {
                result.append("${").append(name.substring(1)).append('}');
            } else {
                result.append(substitution(name.trim(), variables, location));
            }
            position = end + 1;
        }
        return result.toString();
    }

    private String substitution(String name, JsonNode variables, String location) {
        if (variables.has(name)) {
            return scalarText(variables.get(name), "${" + name + "}", location);
        }
        int dot = name.indexOf('.');
        if (dot > 0 && !name.startsWith("AWS::")) {
            return attributeValue(name.substring(0, dot), name.substring(dot + 1), location);
        }
        return scalarText(ref(name, location), "${" + name + "}", location);
    }

    private String join(JsonNode argument, String location) {
        if (!argument.isArray() || argument.size() != 2) {
            throw new TemplateException("Fn::Join at " + location + " must be [delimiter, [values]] but is " + argument);
        }
        String delimiter = resolveText(argument.get(0), location + ".Fn::Join[0]");
        JsonNode values = resolve(argument.get(1), location + ".Fn::Join[1]");
        if (!values.isArray()) {
            throw new TemplateException("Fn::Join at " + location + ": the values must resolve to a list");
        }
        StringBuilder joined = new StringBuilder();
        for (Iterator<JsonNode> it = values.iterator(); it.hasNext(); ) {
            joined.append(scalarText(it.next(), "Fn::Join value", location));
            if (it.hasNext()) {
                joined.append(delimiter);
            }
        }
        return joined.toString();
    }

    private JsonNode select(JsonNode argument, String location) {
        if (!argument.isArray() || argument.size() != 2) {
            throw new TemplateException("Fn::Select at " + location + " must be [index, [values]] but is " + argument);
        }
        int index = Integer.parseInt(resolveText(argument.get(0), location + ".Fn::Select[0]"));
        JsonNode values = resolve(argument.get(1), location + ".Fn::Select[1]");
        if (!values.isArray() || index < 0 || index >= values.size()) {
            throw new TemplateException("Fn::Select at " + location + ": index " + index + " is outside " + values);
        }
        return values.get(index);
    }

    private JsonNode split(JsonNode argument, String location) {
        if (!argument.isArray() || argument.size() != 2) {
            throw new TemplateException("Fn::Split at " + location + " must be [delimiter, string] but is " + argument);
        }
        String delimiter = resolveText(argument.get(0), location + ".Fn::Split[0]");
        String source = resolveText(argument.get(1), location + ".Fn::Split[1]");
        ArrayNode parts = NODES.arrayNode();
        Arrays.stream(source.split(Pattern.quote(delimiter), -1)).forEach(parts::add);
        return parts;
    }

    private static String requireText(JsonNode node, String function, String location) {
        if (!node.isTextual()) {
            throw new TemplateException(function + " at " + location + " expects a name but got " + node);
        }
        return node.textValue();
    }

    private static String scalarText(JsonNode value, String what, String location) {
        if (!value.isValueNode()) {
            throw new TemplateException(what + " at " + location + " must be a single value but is " + value);
        }
        return value.asText();
    }
}
