import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step of adapters/http (ADR 36): writes infra/openapi/openapi.yaml as compact JSON into the module's classes,
 * so that no function parses YAML (SnakeYAML, about 90 classes, and a 200 KB document read by an interpreter) on its
 * cold start. Run by exec-maven-plugin as a single-file program: {@code java OpenApiDocumentToJson.java IN OUT}.
 */
public final class OpenApiDocumentToJson {
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: OpenApiDocumentToJson <openapi.yaml> <openapi.json>");
        }
        Path yaml = Path.of(args[0]);
        Path json = Path.of(args[1]);
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
        Files.createDirectories(json.getParent());
        Files.writeString(json, new ObjectMapper().writeValueAsString(document));
    }
}
