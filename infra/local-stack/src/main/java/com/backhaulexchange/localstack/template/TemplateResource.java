package com.backhaulexchange.localstack.template;

import com.fasterxml.jackson.databind.JsonNode;

/** One entry of the template's Resources section, properties still unresolved. */
public record TemplateResource(String logicalId, String type, JsonNode properties) {

    public boolean isOfType(String resourceType) {
        return type.equals(resourceType);
    }
}
