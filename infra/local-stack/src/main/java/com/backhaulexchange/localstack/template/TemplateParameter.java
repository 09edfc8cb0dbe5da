package com.backhaulexchange.localstack.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A template parameter: its type, its default (if any) and the constraints CloudFormation checks. */
public record TemplateParameter(
        String name, String type, Optional<String> defaultValue, Optional<String> allowedPattern,
        List<String> allowedValues) {

    static TemplateParameter from(String name, JsonNode declaration) {
        JsonNode defaultNode = declaration.path("Default");
        JsonNode pattern = declaration.path("AllowedPattern");
        return new TemplateParameter(
                name,
                declaration.path("Type").asText("String"),
                defaultNode.isMissingNode() || defaultNode.isNull() ? Optional.empty() : Optional.of(defaultNode.asText()),
                pattern.isTextual() ? Optional.of(pattern.textValue()) : Optional.empty(),
                declaration.path("AllowedValues").valueStream().map(JsonNode::asText).toList());
    }

    /** CloudFormation's own check of a parameter value, so that a wrong override fails here as it would on deploy. */
    public void validate(String value) {
        if (allowedPattern.isPresent() && !Pattern.compile(allowedPattern.get()).matcher(value).matches()) {
            throw new TemplateException("Parameter " + name + " value does not match its AllowedPattern "
                    + allowedPattern.get());
        }
        if (!allowedValues.isEmpty() && !allowedValues.contains(value)) {
            throw new TemplateException("Parameter " + name + " value " + value + " is not one of its AllowedValues "
                    + allowedValues);
        }
    }

    public boolean isList() {
        return type.startsWith("List<") || type.equals("CommaDelimitedList");
    }
}
