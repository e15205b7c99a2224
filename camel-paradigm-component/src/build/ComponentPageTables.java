import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the component, endpoint and header tables of {@code paradigm-component.adoc} from the component's generated
 * {@code paradigm.json}, between the {@code // paradigm tables: START} and {@code END} markers.
 *
 * <p>Camel's {@code update-readme} goal fills its own "component options" markers with includes of Antora partials
 * that render the same JSON, but only inside Camel's documentation site; a reader of the page anywhere else (GitHub,
 * plain Asciidoctor) gets these tables instead. The page shows one or the other with {@code ifdef::site-gen-antora[]}.
 *
 * <p>Run by the build (exec-maven-plugin, process-classes):
 * {@code java -cp <classpath> ComponentPageTables.java <paradigm.json> <paradigm-component.adoc>}.
 */
public class ComponentPageTables {

    static final String START = "// paradigm tables: START";
    static final String END = "// paradigm tables: END";
    private static final String TABLE = "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n"
                                        + "| Name | Description | Default | Type\n";
    private static final Pattern ATTRIBUTE_REFERENCE = Pattern.compile("\\{([\\w-]+)}");

    public static void main(String[] args) throws IOException {
        JsonNode json = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Path page = Path.of(args[1]);
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(page + " has no '" + START + "' ... '" + END + "' section");
        }
        String updated = text.substring(0, start) + START + "\n" + tables(json) + END + text.substring(end + END.length());
        if (!updated.equals(text)) {
            Files.writeString(page, updated, StandardCharsets.UTF_8);
            System.out.println("Updated the option and header tables of " + page);
        }
    }

    static String tables(JsonNode json) {
        JsonNode component = json.get("component");
        String title = component.get("title").asText();
        List<JsonNode> componentOptions = values(json.get("componentProperties"));
        List<JsonNode> path = new ArrayList<>();
        List<JsonNode> query = new ArrayList<>();
        values(json.get("properties")).forEach(o -> ("path".equals(o.get("kind").asText()) ? path : query).add(o));
        List<JsonNode> headers = values(json.get("headers"));

        StringBuilder out = new StringBuilder();
        out.append("// Generated from paradigm.json by src/build/ComponentPageTables.java: do not edit by hand.\n\n");
        out.append("== Options and headers\n\n=== Component Options\n\n")
                .append("The ").append(title).append(" component supports ").append(componentOptions.size())
                .append(" options, which are listed below.\n\n");
        table(out, componentOptions, false);
        out.append("=== Endpoint Options\n\n")
                .append("The ").append(title).append(" endpoint is configured using URI syntax:\n\n----\n")
                .append(component.get("syntax").asText()).append("\n----\n\n")
                .append("==== Path Parameters (").append(path.size()).append(" parameters)\n\n");
        table(out, path, false);
        out.append("==== Query Parameters (").append(query.size()).append(" parameters)\n\n");
        table(out, query, false);
        out.append("=== Message Headers\n\n")
                .append("The ").append(title).append(" component supports ").append(headers.size())
                .append(" message headers, which are listed below.\n\n");
        table(out, headers, true);
        return out.toString();
    }

    private static void table(StringBuilder out, List<JsonNode> options, boolean headers) {
        out.append(TABLE);
        for (JsonNode option : options) {
            out.append("| *").append(option.get("name").asText()).append("* (").append(group(option)).append(")");
            if (headers && option.has("constantName")) {
                out.append(" +\nConstant: `").append(option.get("constantName").asText().replaceAll(".*#", ""))
                        .append('`');
            }
            out.append(" | ").append(description(option))
                    .append(" | ").append(cell(option.path("defaultValue").asText("")))
                    .append(" | ").append(type(option)).append('\n');
        }
        out.append("|===\n\n");
    }

    private static String group(JsonNode option) {
        String group = option.path("group").asText("common");
        boolean advanced = List.of(option.path("label").asText("").split(",")).contains("advanced");
        return advanced && !"advanced".equals(group) ? group + " (advanced)" : group;
    }

    private static String description(JsonNode option) {
        StringBuilder text = new StringBuilder();
        if (option.path("required").asBoolean()) {
            text.append("*Required* ");
        }
        if (option.path("deprecated").asBoolean()) {
            text.append("*Deprecated* ");
        }
        text.append(cell(option.path("description").asText("")));
        if (option.has("enum")) {
            List<String> values = new ArrayList<>();
            option.get("enum").forEach(v -> values.add("`" + v.asText() + "`"));
            text.append(" Enum values: ").append(String.join(", ", values)).append('.');
        }
        return text.toString();
    }

    private static String type(JsonNode option) {
        if ("duration".equals(option.path("type").asText())) {
            return "Duration";
        }
        String javaType = option.get("javaType").asText();
        int generic = javaType.indexOf('<');
        String raw = generic < 0 ? javaType : javaType.substring(0, generic);
        return cell(raw.substring(raw.lastIndexOf('.') + 1));
    }

    /** Text safe in a table cell: no column separator, no attribute reference. */
    private static String cell(String text) {
        Matcher matcher = ATTRIBUTE_REFERENCE.matcher(text.replace("|", "\\|"));
        return matcher.replaceAll(m -> Matcher.quoteReplacement("\\{" + m.group(1) + "}"));
    }

    /** The options of one section, in the catalog's order, each with its name (the key of its entry) in "name". */
    private static List<JsonNode> values(JsonNode properties) {
        List<JsonNode> values = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            values.add(((ObjectNode) entry.getValue()).put("name", entry.getKey()));
        }
        return values;
    }
}
