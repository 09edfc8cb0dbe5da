package com.backhaulexchange.localstack.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a SAM template the local stack needs: Parameters, Globals and Resources, in template order,
 * with intrinsic functions still in place (see {@link IntrinsicResolver}).
 */
public final class TemplateModel {

    public static final String DYNAMODB_TABLE = "AWS::DynamoDB::Table";
    public static final String SQS_QUEUE = "AWS::SQS::Queue";
    public static final String S3_BUCKET = "AWS::S3::Bucket";
    public static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
    public static final String SERVERLESS_API = "AWS::Serverless::Api";
    public static final String EVENTS_RULE = "AWS::Events::Rule";
    public static final String SCHEDULER_SCHEDULE = "AWS::Scheduler::Schedule";

    private final String source;
    private final Map<String, TemplateParameter> parameters;
    private final JsonNode globalFunction;
    private final Map<String, TemplateResource> resources;

    private TemplateModel(String source, JsonNode root) {
        if (!root.isObject() || !root.path("Resources").isObject()) {
            throw new TemplateException("Template " + source + " has no Resources section");
        }
        this.source = source;
        Map<String, TemplateParameter> declaredParameters = new LinkedHashMap<>();
        root.path("Parameters").properties().forEach(entry ->
                declaredParameters.put(entry.getKey(), TemplateParameter.from(entry.getKey(), entry.getValue())));
        this.parameters = Collections.unmodifiableMap(declaredParameters);
        this.globalFunction = root.path("Globals").path("Function").isObject()
                ? root.path("Globals").path("Function")
                : JsonNodeFactory.instance.objectNode();
        Map<String, TemplateResource> declaredResources = new LinkedHashMap<>();
        root.path("Resources").properties().forEach(entry -> {
            JsonNode declaration = entry.getValue();
            String type = declaration.path("Type").asText(null);
            if (type == null) {
                throw new TemplateException("Resource " + entry.getKey() + " has no Type");
            }
            JsonNode properties = declaration.path("Properties").isObject()
                    ? declaration.path("Properties")
                    : JsonNodeFactory.instance.objectNode();
            declaredResources.put(entry.getKey(), new TemplateResource(entry.getKey(), type, properties));
        });
        this.resources = Collections.unmodifiableMap(declaredResources);
    }

    public static TemplateModel load(Path templateFile) {
        return new TemplateModel(templateFile.toString(), CloudFormationYaml.read(templateFile));
    }

    public static TemplateModel parse(String yaml) {
        return new TemplateModel("<string>", CloudFormationYaml.parse(yaml));
    }

    public String source() {
        return source;
    }

    public Map<String, TemplateParameter> parameters() {
        return parameters;
    }

    /** {@code Globals.Function}, or an empty object. */
    public JsonNode globalFunction() {
        return globalFunction;
    }

    public Map<String, TemplateResource> resources() {
        return resources;
    }

    public Optional<TemplateResource> findResource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    public TemplateResource resource(String logicalId) {
        return findResource(logicalId).orElseThrow(() ->
                new TemplateException("Template " + source + " has no resource " + logicalId));
    }

    public List<TemplateResource> resourcesOfType(String type) {
        return resources.values().stream().filter(resource -> resource.isOfType(type)).toList();
    }
}
