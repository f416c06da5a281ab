package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

/**
 * Every GraphQL example in the README must be valid against the committed SDL, so a frontend developer
 * who pastes one never meets a renamed field. (The SDL itself is checked against the served schema by
 * {@link SchemaSnapshotTest}.)
 */
class ReadmeExamplesTest {

    private static final Pattern GRAPHQL_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TYPE_REFERENCE = Pattern.compile(":\\s*\\[?\\s*([A-Z][A-Za-z0-9_]*)");
    private static final Pattern DEFINITION = Pattern.compile("^(?:type|input|enum|interface|union|scalar)\\s+([A-Za-z0-9_]+)",
            Pattern.MULTILINE);
    private static final Set<String> BUILT_IN = Set.of("String", "Int", "Float", "Boolean", "ID");

    @Test
    void everyGraphQLExampleInTheReadmeValidatesAgainstTheSchema() throws IOException {
        GraphQLSchema schema = committedSchema();
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher blocks = GRAPHQL_BLOCK.matcher(readme);
        List<String> problems = new ArrayList<>();
        int operations = 0;
        while (blocks.find()) {
            Document document = Parser.parse(blocks.group(1));
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                operations++;
                Document single = Document.newDocument().definition(operation).build();
                for (ValidationError error : new Validator().validateDocument(schema, single, Locale.ENGLISH)) {
                    problems.add(operation.getSourceLocation() + " in block starting '"
                            + blocks.group(1).lines().findFirst().orElse("") + "': " + error.getMessage());
                }
            }
        }
        assertThat(operations).as("GraphQL examples found in README.md").isGreaterThan(10);
        assertThat(problems).as("README examples that do not match the schema").isEmpty();
    }

    /** The committed SDL plus declarations of the custom scalars it uses (the served SDL leaves them implicit). */
    static GraphQLSchema committedSchema() throws IOException {
        String sdl = Files.readString(SchemaSnapshotTest.SNAPSHOT, StandardCharsets.UTF_8);
        Set<String> defined = new LinkedHashSet<>();
        DEFINITION.matcher(sdl).results().forEach(m -> defined.add(m.group(1)));
        StringBuilder scalars = new StringBuilder();
        TYPE_REFERENCE.matcher(sdl).results().map(m -> m.group(1)).distinct()
                .filter(name -> !defined.contains(name) && !BUILT_IN.contains(name))
                .forEach(name -> scalars.append("scalar ").append(name).append('\n'));
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl + "\n" + scalars);
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }
}
